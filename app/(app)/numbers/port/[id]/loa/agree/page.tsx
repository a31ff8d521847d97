import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { WizardFrame } from '@/components/porting/wizard-frame';
import { loadWizardStep } from '@/lib/porting/wizard/load-wizard-step';
import { stepPath } from '@/lib/porting/wizard/steps';
import { AgreeForm } from './agree-form';

export const metadata: Metadata = { title: 'Letter of Authorization' };

export default async function AgreePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { draft, actor, allowedSteps } = await loadWizardStep(id, 'loa');
  const pending = draft.pendingSignature;
  if (!pending) redirect(stepPath(id, 'loa'));
  return (
    <WizardFrame allowedSteps={allowedSteps} draft={draft} step="loa">
      <p className="text-slate-800">
        By selecting <strong>I Agree</strong>, you sign the Letter of Authorization
        {pending.kind === 'typed' ? (
          <> as <span className="font-signature text-2xl">{pending.typedName}</span></>
        ) : (
          <> with the signature you drew</>
        )}
        {pending.signerTitle && (pending.kind === 'typed' ? <>, {pending.signerTitle}</> : <>, as {pending.signerTitle}</>)}{' '}
        ({actor.email}). We record the time, your IP address and your browser with the signature, and keep a PDF of the
        signed letter.
      </p>
      <div className="mt-6 flex items-center gap-4">
        <AgreeForm requestId={id} />
        <a href={stepPath(id, 'loa')}>Back to the letter</a>
      </div>
    </WizardFrame>
  );
}
