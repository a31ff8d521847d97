import type { Metadata } from 'next';
import { WizardFrame } from '@/components/porting/wizard-frame';
import type { BillingAddress } from '@/db/schema';
import { loadWizardStep } from '@/lib/porting/wizard/load-wizard-step';
import { isFromLetter } from '@/components/porting/back-to-letter';
import { AddressForm } from './address-form';

export const metadata: Metadata = { title: 'Billing Address' };

/** An address as the form's fields, named `${prefix}street` and so on. */
function fieldsOf(address: BillingAddress | null, prefix = ''): Record<string, string> {
  const a = address;
  const fields = { street: a?.street ?? '', unit: a?.unit ?? '', city: a?.city ?? '', region: a?.region ?? '', postalCode: a?.postalCode ?? '', country: a?.country ?? '' };
  return Object.fromEntries(Object.entries(fields).map(([name, value]) => [`${prefix}${name}`, value]));
}

export default async function AddressStepPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string }> }) {
  const { id } = await params;
  const backToLetter = isFromLetter(await searchParams);
  const { draft, allowedSteps } = await loadWizardStep(id, 'address');
  return (
    <WizardFrame allowedSteps={allowedSteps} draft={draft} step="address" intro="Fill this in EXACTLY as you see it on your telephone bill, including abbreviations.">
      <AddressForm
        requestId={id}
        backToLetter={backToLetter}
        saved={{
          ...fieldsOf(draft.billingAddress),
          ...fieldsOf(draft.serviceAddress, 'serviceAddress.'),
          // A draft whose billing address is saved says which answer it was given; a new one, Yes.
          serviceSame: draft.serviceAddress ? 'no' : 'yes',
        }}
      />
    </WizardFrame>
  );
}
