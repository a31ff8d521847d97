'use server';
import { requireRequestForAction } from '@/lib/forms/require-request';
import { getDb } from '@/lib/db';
import { formValues, invalid, type FormState } from '@/lib/forms/form-state';
import { runService } from '@/lib/forms/run-service';
import { carrierStepSchema, saveCarrierStep } from '@/lib/porting/wizard/carrier';
import { goToStep } from '@/lib/forms/go-to-step';

export async function saveCarrier(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor, requestId } = await requireRequestForAction(formData);
  const values = formValues(formData);
  const parsed = carrierStepSchema().safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const result = await runService(async () => saveCarrierStep(await getDb(), actor, requestId, parsed.data), values);
  if (!result.ok) return result;
  goToStep(requestId, 'numbers', formData);
}
