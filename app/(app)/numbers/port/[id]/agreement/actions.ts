'use server';
import { requireRequestForAction } from '@/lib/forms/require-request';
import { getDb } from '@/lib/db';
import { formValues, invalid, type FormState } from '@/lib/forms/form-state';
import { runService } from '@/lib/forms/run-service';
import { saveAgreementStep } from '@/lib/porting/drafts/save-agreement';
import { agreementStepSchema } from '@/lib/porting/steps/agreement';
import { goToStep } from '@/lib/forms/go-to-step';

export async function saveAgreement(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor, requestId } = await requireRequestForAction(formData);
  const values = formValues(formData);
  const parsed = agreementStepSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values, 'Check each box to continue.');
  const failure = await runService(async () => saveAgreementStep(await getDb(), actor, requestId), values);
  if (failure) return failure;
  goToStep(requestId, 'loa');
}
