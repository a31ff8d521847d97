import type { Metadata } from 'next';
import { WizardFrame } from '@/components/porting/wizard-frame';
import { loadWizardStep } from '@/lib/porting/wizard/load-wizard-step';
import { AgreementForm } from './agreement-form';

export const metadata: Metadata = { title: 'Agreement' };

export default async function AgreementStepPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { draft, allowedSteps } = await loadWizardStep(id, 'agreement');
  return (
    <WizardFrame allowedSteps={allowedSteps} draft={draft} step="agreement" intro="Check each box in the Agreement section.">
      <AgreementForm requestId={id} accepted={!!draft.agreementAcceptedAt} />
    </WizardFrame>
  );
}
