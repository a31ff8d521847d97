'use client';
import { useActionState, useState, useSyncExternalStore } from 'react';
import { RadioGroup, SelectField, TextField } from '@/components/forms/fields';
import { ErrorSummary, fieldErrorsOf, valueOf } from '@/components/ui/form-feedback';
import { SubmitButton } from '@/components/ui/submit-button';
import { BackToLetterInput, saveLabel } from '@/components/porting/back-to-letter';
import { CA_PROVINCES, US_STATES } from '@/lib/porting/wizard/regions';
import type { PostalCodeWarning } from '@/lib/porting/wizard/postal-code-warnings';
import { saveAddress } from './actions';

const regionOptions = [
  { value: '', label: 'Choose…' },
  ...Object.entries(US_STATES).map(([value, name]) => ({ value, label: `${name} (US)` })),
  ...Object.entries(CA_PROVINCES).map(([value, name]) => ({ value, label: `${name} (Canada)` })),
];
const countryOptions = [
  { value: 'US', label: 'United States' },
  { value: 'CA', label: 'Canada' },
];

const LABELS = {
  street: 'Street',
  city: 'City',
  region: 'State or province',
  postalCode: 'ZIP or postal code',
  country: 'Country',
  'serviceAddress.street': 'Service street',
  'serviceAddress.unit': 'Service suite or unit',
  'serviceAddress.city': 'Service city',
  'serviceAddress.region': 'Service state or province',
  'serviceAddress.postalCode': 'Service ZIP or postal code',
  'serviceAddress.country': 'Service country',
};

// True once the page runs JavaScript: before that (and without it) the service address is shown.
const noSubscription = () => () => {};
const useHydrated = () => useSyncExternalStore(noSubscription, () => true, () => false);

export function AddressForm({ requestId, saved, backToLetter = false }: { requestId: string; saved: Record<string, string>; backToLetter?: boolean }) {
  const [state, action] = useActionState(saveAddress, null);
  const field = (name: string) => ({ name, errors: fieldErrorsOf(state, name), defaultValue: valueOf(state, name, saved[name] ?? '') });
  const service = (name: string) => field(`serviceAddress.${name}`);
  const sameDefault = valueOf(state, 'serviceSame', saved.serviceSame || 'yes');
  const [same, setSame] = useState(sameDefault);
  const hydrated = useHydrated();
  return (
    <form action={action} noValidate className="space-y-5">
      <input type="hidden" name="requestId" value={requestId} />
      <BackToLetterInput on={backToLetter} />
      <ErrorSummary state={state} labels={LABELS} />
      <TextField {...field('street')} label="Street address" autoComplete="billing address-line1" maxLength={100} />
      <TextField {...field('unit')} label="Suite, unit or floor (optional)" autoComplete="billing address-line2" maxLength={30} />
      <TextField {...field('city')} label="City" autoComplete="billing address-level2" maxLength={60} />
      <div className="grid gap-5 sm:grid-cols-3">
        <SelectField {...field('region')} label="State or province" options={regionOptions} />
        <TextField {...field('postalCode')} label="ZIP or postal code" autoComplete="billing postal-code" maxLength={10} hint="e.g. 21202 or K1A 0B1" />
        <SelectField {...field('country')} defaultValue={valueOf(state, 'country', saved.country || 'US')} label="Country" options={countryOptions} />
      </div>
      <PostalCodeCheck field="postalCode" warning={state?.warnings?.postalCode} />

      <div onChange={(event) => setSame((event.target as HTMLInputElement).value)}>
        <RadioGroup
          name="serviceSame"
          legend="Is the service address (where the lines are installed) the same as the billing address?"
          defaultValue={sameDefault}
          options={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No, the lines are installed at another address' },
          ]}
        />
      </div>

      <fieldset id="service-address" hidden={hydrated && same !== 'no'} className="space-y-5 rounded-md border border-slate-300 p-4">
        <legend className="px-1 text-sm font-semibold text-slate-800">Service address</legend>
        <p className="text-sm text-slate-600">
          Where the lines are installed: the street address, not a PO box. Carriers check it against their records.
          {!hydrated && ' Fill this in only if you answered No above.'}
        </p>
        <TextField {...service('street')} label="Service street address" autoComplete="shipping address-line1" maxLength={100} />
        <TextField {...service('unit')} label="Service suite, unit or floor (optional)" autoComplete="shipping address-line2" maxLength={30} />
        <TextField {...service('city')} label="Service city" autoComplete="shipping address-level2" maxLength={60} />
        <div className="grid gap-5 sm:grid-cols-3">
          <SelectField {...service('region')} label="Service state or province" options={regionOptions} />
          <TextField {...service('postalCode')} label="Service ZIP or postal code" autoComplete="shipping postal-code" maxLength={10} hint="e.g. 21202 or K1A 0B1" />
          <SelectField
            {...service('country')}
            defaultValue={valueOf(state, 'serviceAddress.country', saved['serviceAddress.country'] || 'US')}
            label="Service country"
            options={countryOptions}
          />
        </div>
        <PostalCodeCheck field="serviceAddress.postalCode" warning={state?.warnings?.['serviceAddress.postalCode']} />
      </fieldset>
      <SubmitButton pendingText="Saving…">{saveLabel(backToLetter)}</SubmitButton>
    </form>
  );
}

/** A ZIP that belongs to another state: said beside it, and the step goes on once the user confirms the pair. */
function PostalCodeCheck({ field, warning }: { field: string; warning?: PostalCodeWarning }) {
  if (!warning) return null;
  return (
    <div id={`${field}-warning`} className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
      <p>{warning.message}</p>
      <label className="mt-3 flex items-start gap-2">
        <input type="checkbox" name={`${field}Confirmed`} value={warning.confirm} className="mt-0.5" />
        <span>It is right as typed: it is the address on the bill. Save it anyway.</span>
      </label>
    </div>
  );
}
