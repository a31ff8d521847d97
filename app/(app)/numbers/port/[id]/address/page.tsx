import type { Metadata } from 'next';
import { WizardFrame } from '@/components/porting/wizard-frame';
import { loadWizardStep } from '@/lib/porting/wizard/load-wizard-step';
import { AddressForm } from './address-form';

export const metadata: Metadata = { title: 'Billing Address' };

export default async function AddressStepPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { draft, allowedSteps } = await loadWizardStep(id, 'address');
  const a = draft.billingAddress;
  return (
    <WizardFrame allowedSteps={allowedSteps} draft={draft} step="address" intro="Fill this in EXACTLY as you see it on your telephone bill, including abbreviations.">
      <AddressForm
        requestId={id}
        saved={{ street: a?.street ?? '', unit: a?.unit ?? '', city: a?.city ?? '', region: a?.region ?? '', postalCode: a?.postalCode ?? '', country: a?.country ?? '' }}
      />
    </WizardFrame>
  );
}
