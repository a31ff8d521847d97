'use server';
import { requireRequestForAction } from '@/lib/forms/require-request';
import { getDb } from '@/lib/db';
import { formValues, invalid, type FormState } from '@/lib/forms/form-state';
import { runService } from '@/lib/forms/run-service';
import { saveAddressStep } from '@/lib/porting/drafts/save-address';
import { addressStepSchema } from '@/lib/porting/steps/address';
import { goToStep } from '@/lib/forms/go-to-step';

export async function saveAddress(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor, requestId } = await requireRequestForAction(formData);
  const values = formValues(formData);
  const parsed = addressStepSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const failure = await runService(async () => saveAddressStep(await getDb(), actor, requestId, parsed.data), values);
  if (failure) return failure;
  goToStep(requestId, 'agreement');
}
