import type { Metadata } from 'next';
import { WizardFrame } from '@/components/porting/wizard-frame';
import { loadWizardStep } from '@/lib/porting/wizard/load-wizard-step';
import { isFromLetter } from '@/components/porting/back-to-letter';
import { CustomerForm } from './customer-form';

export const metadata: Metadata = { title: 'Customer Name and PIN' };

export default async function CustomerStepPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string }> }) {
  const { id } = await params;
  const backToLetter = isFromLetter(await searchParams);
  const { draft, allowedSteps } = await loadWizardStep(id, 'customer');
  return (
    <WizardFrame allowedSteps={allowedSteps} draft={draft} step="customer" intro="Enter the details exactly as they appear on the current carrier's bill.">
      <CustomerForm
        requestId={id}
        backToLetter={backToLetter}
        saved={{
          customerName: draft.customerName ?? '',
          carrierAccountNumber: draft.carrierAccountNumber ?? '',
          portType: draft.portType ?? '',
          billingTelephoneNumber: draft.billingTelephoneNumber ?? '',
          btnIsPorting: draft.btnIsPorting === null ? '' : draft.btnIsPorting ? 'yes' : 'no',
          hasPin: draft.hasPin && !draft.newPinAsked,
        }}
      />
    </WizardFrame>
  );
}
