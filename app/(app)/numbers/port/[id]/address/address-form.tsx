'use client';
import { useActionState } from 'react';
import { SelectField, TextField } from '@/components/forms/fields';
import { ErrorSummary, fieldErrorsOf, valueOf } from '@/components/ui/form-feedback';
import { SubmitButton } from '@/components/ui/submit-button';
import { CA_PROVINCES, US_STATES } from '@/lib/porting/wizard/regions';
import { saveAddress } from './actions';

const regionOptions = [
  { value: '', label: 'Choose…' },
  ...Object.entries(US_STATES).map(([value, name]) => ({ value, label: `${name} (US)` })),
  ...Object.entries(CA_PROVINCES).map(([value, name]) => ({ value, label: `${name} (Canada)` })),
];

export function AddressForm({ requestId, saved }: { requestId: string; saved: Record<string, string> }) {
  const [state, action] = useActionState(saveAddress, null);
  const field = (name: string) => ({ name, errors: fieldErrorsOf(state, name), defaultValue: valueOf(state, name, saved[name] ?? '') });
  return (
    <form action={action} noValidate className="space-y-5">
      <input type="hidden" name="requestId" value={requestId} />
      <ErrorSummary state={state} labels={{ street: 'Street', city: 'City', region: 'State or province', postalCode: 'ZIP or postal code', country: 'Country' }} />
      <TextField {...field('street')} label="Street address" autoComplete="address-line1" maxLength={100} />
      <TextField {...field('unit')} label="Suite, unit or floor (optional)" autoComplete="address-line2" maxLength={30} />
      <TextField {...field('city')} label="City" autoComplete="address-level2" maxLength={60} />
      <div className="grid gap-5 sm:grid-cols-3">
        <SelectField {...field('region')} label="State or province" options={regionOptions} />
        <TextField {...field('postalCode')} label="ZIP or postal code" autoComplete="postal-code" maxLength={10} hint="e.g. 21202 or K1A 0B1" />
        <SelectField
          {...field('country')}
          defaultValue={valueOf(state, 'country', saved.country || 'US')}
          label="Country"
          options={[
            { value: 'US', label: 'United States' },
            { value: 'CA', label: 'Canada' },
          ]}
        />
      </div>
      <SubmitButton pendingText="Saving…">Save and continue</SubmitButton>
    </form>
  );
}
