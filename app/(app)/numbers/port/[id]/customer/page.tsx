import type { Metadata } from 'next';
import { WizardFrame } from '@/components/porting/wizard-frame';
import { loadWizardStep } from '@/lib/porting/wizard/load-wizard-step';
import { CustomerForm } from './customer-form';

export const metadata: Metadata = { title: 'Customer Name and PIN' };

export default async function CustomerStepPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { draft, allowedSteps } = await loadWizardStep(id, 'customer');
  return (
    <WizardFrame allowedSteps={allowedSteps} draft={draft} step="customer" intro="Enter the details exactly as they appear on the current carrier's bill.">
      <CustomerForm
        requestId={id}
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
