import type { Metadata } from 'next';
import { WizardFrame } from '@/components/porting/wizard-frame';
import { loadWizardStep } from '@/lib/porting/drafts/load-wizard-step';
import { ProofForm } from './proof-form';

export const metadata: Metadata = { title: 'Proof of Ownership' };

export default async function ProofStepPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { draft, allowedSteps } = await loadWizardStep(id, 'proof');
  return (
    <WizardFrame
      allowedSteps={allowedSteps}
      draft={draft}
      step="proof"
      intro="Upload a recent bill from your current carrier, or a screenshot of its online account, showing the account holder and the numbers."
    >
      <ProofForm requestId={id} filesOnRecord={0} resubmit={draft.status === 'changes_needed'} />
    </WizardFrame>
  );
}
