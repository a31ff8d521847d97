'use server';
import { requireRequestForAction } from '@/lib/forms/require-request';
import { getDb } from '@/lib/db';
import { formValues, invalid, type FormState } from '@/lib/forms/form-state';
import { runService } from '@/lib/forms/run-service';
import { getWizardDraft } from '@/lib/porting/drafts/get-wizard-draft';
import { saveCustomerStep } from '@/lib/porting/drafts/save-customer';
import { customerStepSchema } from '@/lib/porting/steps/customer';
import { goToStep } from '@/lib/forms/go-to-step';

export async function saveCustomer(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor, requestId } = await requireRequestForAction(formData);
  const db = await getDb();
  const typed = formValues(formData);
  // The PIN is never sent back to the page, not even to redisplay a form with errors.
  const values = { ...typed, accountPin: '' };
  let pinOnFile = false;
  const lookup = await runService(async () => {
    const draft = await getWizardDraft(db, actor, requestId);
    pinOnFile = draft.hasPin && !draft.newPinAsked;
  }, values);
  if (lookup) return lookup;
  const parsed = customerStepSchema({ pinOnFile }).safeParse(typed);
  if (!parsed.success) {
    const state = invalid(parsed.error, values);
    if (typed.accountPin && state && !state.ok && !state.fieldErrors.accountPin) {
      state.fieldErrors.accountPin = ['For your security the PIN is not kept when the form has errors: please type it again.'];
    }
    return state;
  }
  const failure = await runService(() => saveCustomerStep(db, actor, requestId, parsed.data), values);
  if (failure) return failure;
  goToStep(requestId, 'address');
}
