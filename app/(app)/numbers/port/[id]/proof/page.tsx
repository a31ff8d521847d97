import type { Metadata } from 'next';
import { WizardFrame } from '@/components/porting/wizard-frame';
import { DraftSplitNotice } from '@/components/porting/split-notice';
import { loadWizardStep } from '@/lib/porting/wizard/load-wizard-step';
import { PROOF_MAX_BYTES, PROOF_MAX_FILES } from '@/lib/porting/proof/proof-limits';
import { ProofForm } from './proof-form';

export const metadata: Metadata = { title: 'Proof of Ownership' };

export default async function ProofStepPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ upload?: string }> }) {
  const { id } = await params;
  // Set by the proxy when a post was too large to receive at all (see proxy.ts).
  const tooLarge = (await searchParams).upload === 'too-large';
  const { draft, db, allowedSteps } = await loadWizardStep(id, 'proof');
  return (
    <WizardFrame
      allowedSteps={allowedSteps}
      draft={draft}
      step="proof"
      intro="Upload a recent bill from your current carrier, or a screenshot of its online account, showing the account holder and the numbers."
    >
      <DraftSplitNotice db={db} draft={draft} />
      <ProofForm
        requestId={id}
        filesOnRecord={0}
        resubmit={draft.status === 'changes_needed'}
        notice={tooLarge ? `The files you chose were too large to receive: choose at most ${PROOF_MAX_FILES} files of up to ${PROOF_MAX_BYTES / (1024 * 1024)} MB each.` : undefined}
      />
    </WizardFrame>
  );
}
