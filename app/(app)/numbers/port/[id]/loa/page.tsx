import type { Metadata } from 'next';
import { LoaLetter } from '@/components/porting/loa-letter';
import { WizardFrame } from '@/components/porting/wizard-frame';
import { buttonClass } from '@/components/ui/button';
import { loadWizardStep } from '@/lib/porting/wizard/load-wizard-step';
import { buildLoaDocument } from '@/lib/porting/wizard/loa/build-loa-document';
import { stepPath } from '@/lib/porting/wizard/steps';
import { dateTimeUtc } from '@/lib/format/date-time-utc';
import { CheckBeforeSigning } from '@/components/porting/check-before-signing';
import { DraftSplitNotice } from '@/components/porting/split-notice';
import { SignatureRequestStatus } from '@/components/porting/signature-request-status';
import { getSignatureRequest } from '@/lib/porting/wizard/loa/signature-request/get-signature-request';
import { SendForSignatureForm, SignatureRequestButtons } from './send-for-signature-form';
import { SignForm } from './sign-form';

export const metadata: Metadata = { title: 'Letter of Authorization' };

export default async function LoaStepPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { draft, actor, db, allowedSteps } = await loadWizardStep(id, 'loa');
  const pending = draft.pendingSignature;
  const signerName = pending?.kind === 'typed' ? pending.typedName : actor.name ?? actor.email;
  const document = await buildLoaDocument(db, draft, { name: signerName, email: actor.email, title: pending?.signerTitle });
  const signatureRequest = await getSignatureRequest(db, actor, id);
  const waiting = signatureRequest && (signatureRequest.state === 'waiting' || signatureRequest.state === 'expired');
  // An active signature, and no new one being made: the step says who signed, signing again is secondary.
  const signed = pending ? null : draft.signature;
  const signingForms = (
    <>
      <SignForm requestId={id} typedName={pending?.kind === 'typed' ? pending.typedName : ''} signerTitle={pending?.signerTitle ?? ''} />
      <SendForSignatureForm
        requestId={id}
        again={signatureRequest?.state === 'declined' ? { signerName: signatureRequest.signerName, signerEmail: signatureRequest.signerEmail, signerTitle: signatureRequest.signerTitle } : undefined}
      />
    </>
  );
  const letter = (
    <>
      {/* Before signing: one letter for numbers of several accounts is seen by each of them. */}
      {!signed && <DraftSplitNotice db={db} draft={draft} />}
      {!signed && <CheckBeforeSigning draft={draft} document={document} />}
      <LoaLetter document={document} />
      {pending?.kind === 'drawn' && (
        <p className="mt-4 text-sm text-slate-700">
          Your drawn signature is ready.{' '}
          {/* eslint-disable-next-line @next/next/no-img-element -- a data URL of the user's own signature */}
          <img src={`data:image/png;base64,${pending.pngBase64}`} alt="Your signature" className="mt-2 h-20 rounded border border-slate-200 bg-white" />
        </p>
      )}
      {pending?.kind === 'typed' && (
        <p className="mt-4 text-sm text-slate-700">
          Signed as <span className="font-signature text-2xl">{pending.typedName}</span>
          {pending.signerTitle && <>, {pending.signerTitle}</>}
        </p>
      )}
      {/* Once signed, the signing box folds away: a second empty "Sign here" read as if signing had failed. */}
      {pending ? (
        <details className="mt-6 rounded-md border border-slate-300 p-4" data-testid="change-signature">
          <summary className="cursor-pointer font-medium">Signed · change signature</summary>
          <p className="mt-3 text-sm text-slate-600">Sign again below to replace your signature; otherwise select Continue at the top.</p>
          {signingForms}
        </details>
      ) : (
        signingForms
      )}
    </>
  );
  return (
    <WizardFrame allowedSteps={allowedSteps} draft={draft} step="loa" intro="Read the letter, then sign it at the bottom, or send it for signature to the person who signs for the business.">
      {signatureRequest && !draft.signature && (
        <SignatureRequestStatus request={signatureRequest}>{waiting && <SignatureRequestButtons requestId={id} />}</SignatureRequestStatus>
      )}
      {pending ? (
        <div role="status" className="mb-6 flex flex-wrap items-center justify-between gap-3 rounded-md bg-green-800 px-4 py-3 text-white">
          <span className="font-medium">You have completed all required fields. Please click Continue.</span>
          <a href={`${stepPath(id, 'loa')}/agree`} className={buttonClass('secondary')}>
            Continue
          </a>
        </div>
      ) : signed ? (
        <section data-testid="loa-signed" className="mb-6 space-y-3 rounded-md bg-green-50 px-4 py-3 text-green-900 ring-1 ring-green-300">
          <p className="font-medium">
            Signed by {signed.signerName} on {dateTimeUtc(signed.signedAt)}
            {signed.byLink ? ' by the emailed link' : ''}. The letter is complete.
          </p>
          <p className="text-sm">
            <a href={`/numbers/port/${id}/files/loa/${signed.id}`}>Signed Letter of Authorization (PDF)</a>
          </p>
          <a href={stepPath(id, 'proof')} className={buttonClass('primary')}>
            Continue to Proof of Ownership
          </a>
        </section>
      ) : (
        <p className="mb-6 text-sm text-slate-600">Continue appears here once the letter is signed.</p>
      )}
      {signed ? (
        <details className="mt-6 rounded-md border border-slate-300 p-4">
          <summary className="cursor-pointer font-medium">Sign it again yourself (replaces the signature)</summary>
          <p className="mt-3 text-sm text-slate-600">
            Only if something in the letter changed or the signature above is wrong. Signing below replaces the signature by{' '}
            {signed.signerName} with yours: the letter names you as the authorized person. A letter sent for signature again
            replaces it once signed.
          </p>
          {letter}
        </details>
      ) : (
        letter
      )}
    </WizardFrame>
  );
}
