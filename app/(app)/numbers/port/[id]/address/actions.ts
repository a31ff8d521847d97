'use server';
import { requireRequestForAction } from '@/lib/forms/require-request';
import { getDb } from '@/lib/db';
import { failed, formValues, invalid, type FormState } from '@/lib/forms/form-state';
import { runService } from '@/lib/forms/run-service';
import { addressFormInput, addressStepSchema, saveAddressStep } from '@/lib/porting/wizard/address';
import { unconfirmedPostalCodeWarnings, type PostalCodeWarning } from '@/lib/porting/wizard/postal-code-warnings';
import { goToStep } from '@/lib/forms/go-to-step';

export type AddressFormState = FormState<{ warnings?: Record<string, PostalCodeWarning> }>;

export async function saveAddress(_prev: AddressFormState, formData: FormData): Promise<AddressFormState> {
  const { actor, requestId } = await requireRequestForAction(formData);
  const values = formValues(formData);
  const parsed = addressStepSchema.safeParse(addressFormInput(values));
  if (!parsed.success) return invalid(parsed.error, values);
  const warnings = unconfirmedPostalCodeWarnings(parsed.data, values);
  if (Object.keys(warnings).length > 0) {
    return { ...failed('Please check the ZIP or postal code below: it does not belong to the state or province chosen.', values), warnings };
  }
  const result = await runService(async () => saveAddressStep(await getDb(), actor, requestId, parsed.data), values);
  if (!result.ok) return result;
  goToStep(requestId, 'agreement', formData);
}
