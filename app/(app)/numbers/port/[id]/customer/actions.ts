'use server';
import { requireRequestForAction } from '@/lib/forms/require-request';
import { getDb } from '@/lib/db';
import { failed, formValues, invalid, type FormState } from '@/lib/forms/form-state';
import { runService } from '@/lib/forms/run-service';
import { saveCustomerForm } from '@/lib/porting/wizard/customer';
import { valuesToEcho, withKeptPin } from '@/lib/porting/wizard/kept-pin';
import { goToStep } from '@/lib/forms/go-to-step';

export async function saveCustomer(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor, requestId } = await requireRequestForAction(formData);
  const holder = { requestId, userId: actor.userId };
  const { values: typed, lost } = withKeptPin(formValues(formData), holder);
  if (lost) {
    return failed('Please type the account PIN again.', valuesToEcho(typed, holder, false), {
      accountPin: ['The PIN you typed earlier is no longer kept (it is kept for an hour): type it again.'],
    });
  }
  // A refusal for any other field keeps the PIN, sealed; only a PIN that is itself wrong is dropped.
  const result = await runService(async () => saveCustomerForm(await getDb(), actor, requestId, typed), valuesToEcho(typed, holder, true));
  if (!result.ok) return result;
  if (result.value) {
    const pinRefused = result.value.issues.some((issue) => issue.path[0] === 'accountPin');
    return invalid(result.value, valuesToEcho(typed, holder, !pinRefused));
  }
  goToStep(requestId, 'address', formData);
}
