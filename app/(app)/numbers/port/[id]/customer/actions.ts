'use server';
import { requireRequestForAction } from '@/lib/forms/require-request';
import { getDb } from '@/lib/db';
import { formValues, invalid, type FormState } from '@/lib/forms/form-state';
import { runService } from '@/lib/forms/run-service';
import { saveCustomerForm } from '@/lib/porting/wizard/customer';
import { goToStep } from '@/lib/forms/go-to-step';

export async function saveCustomer(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor, requestId } = await requireRequestForAction(formData);
  const typed = formValues(formData);
  // The PIN is never sent back to the page, not even to redisplay a form with errors.
  const values = { ...typed, accountPin: '' };
  const result = await runService(async () => saveCustomerForm(await getDb(), actor, requestId, typed), values);
  if (!result.ok) return result;
  if (result.value) {
    const state = invalid(result.value, values);
    if (typed.accountPin && !state.fieldErrors.accountPin) {
      state.fieldErrors.accountPin = ['For your security the PIN is not kept when the form has errors: please type it again.'];
    }
    return state;
  }
  goToStep(requestId, 'address');
}
