'use server';
import { requireRequestForAction } from '@/lib/forms/require-request';
import { getDb } from '@/lib/db';
import { formValues, invalid, type FormState } from '@/lib/forms/form-state';
import { runService } from '@/lib/forms/run-service';
import { agreementStepSchema, saveAgreementStep } from '@/lib/porting/wizard/agreement';
import { goToStep } from '@/lib/forms/go-to-step';

export async function saveAgreement(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor, requestId } = await requireRequestForAction(formData);
  const values = formValues(formData);
  const parsed = agreementStepSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values, 'Check each box to continue.');
  const result = await runService(async () => saveAgreementStep(await getDb(), actor, requestId), values);
  if (!result.ok) return result;
  goToStep(requestId, 'loa');
}
