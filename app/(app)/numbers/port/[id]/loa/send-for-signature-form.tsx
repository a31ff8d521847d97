'use client';
import { useActionState } from 'react';
import { ErrorSummary, fieldErrorsOf, valueOf } from '@/components/ui/form-feedback';
import { SubmitButton } from '@/components/ui/submit-button';
import { resendSignatureRequest, revokeSignatureRequest, sendForSignature } from './actions';

const input = 'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2';

/** Beside signing it yourself: the letter emailed to the person who signs for the business. */
export function SendForSignatureForm({ requestId, again }: { requestId: string; again?: { signerName: string; signerEmail: string; signerTitle: string | null } }) {
  const [state, action] = useActionState(sendForSignature, null);
  const nameErrors = fieldErrorsOf(state, 'signerName');
  const emailErrors = fieldErrorsOf(state, 'signerEmail');
  const titleErrors = fieldErrorsOf(state, 'signerTitle');
  return (
    <form id="loa-send" action={action} noValidate className="mt-8 space-y-3 rounded-md border border-slate-300 p-4">
      <input type="hidden" name="requestId" value={requestId} />
      <h3 className="font-semibold">Or send it for signature</h3>
      <p className="text-sm text-slate-600">
        The person authorized to sign for the business gets an email with a link to read and sign this letter (or decline
        it). They do not need an account. The link works once, for 7 days.
      </p>
      {/* Ids start with "send-": the signing form above has a title field too. */}
      {/* The form sits below the whole letter: after a refusal (JavaScript off too) the page opens at its errors. */}
      <ErrorSummary state={state} focus anchorPrefix="send-" />
      <div id="send-signerName">
        <label htmlFor="send-signerName-input" className="block text-sm font-medium">
          Signer&apos;s full name
        </label>
        <input id="send-signerName-input" name="signerName" autoComplete="off" maxLength={100} defaultValue={valueOf(state, 'signerName', again?.signerName)} aria-invalid={nameErrors.length > 0} className={input} />
        {nameErrors.length > 0 && <p className="mt-1 text-sm text-red-700">{nameErrors.join(' ')}</p>}
      </div>
      <div id="send-signerEmail">
        <label htmlFor="send-signerEmail-input" className="block text-sm font-medium">
          Signer&apos;s email
        </label>
        <input id="send-signerEmail-input" name="signerEmail" type="email" autoComplete="off" maxLength={254} defaultValue={valueOf(state, 'signerEmail', again?.signerEmail)} aria-invalid={emailErrors.length > 0} className={input} />
        {emailErrors.length > 0 && <p className="mt-1 text-sm text-red-700">{emailErrors.join(' ')}</p>}
      </div>
      <div id="send-signerTitle">
        <label htmlFor="send-signerTitle-input" className="block text-sm font-medium">
          Signer&apos;s title (optional)
        </label>
        <p id="send-signerTitle-hint" className="mt-1 text-sm text-slate-600">
          For example Office Manager. The signer confirms or corrects it when signing.
        </p>
        <input id="send-signerTitle-input" name="signerTitle" autoComplete="off" maxLength={60} defaultValue={valueOf(state, 'signerTitle', again?.signerTitle ?? '')} aria-describedby="send-signerTitle-hint" aria-invalid={titleErrors.length > 0} className={input} />
        {titleErrors.length > 0 && <p className="mt-1 text-sm text-red-700">{titleErrors.join(' ')}</p>}
      </div>
      <SubmitButton variant="secondary" pendingText="Sending…">
        Send for signature
      </SubmitButton>
    </form>
  );
}

/** Resend and Cancel the signing link (it revokes the link, not the port request), for a link still waiting. */
export function SignatureRequestButtons({ requestId }: { requestId: string }) {
  const [resendState, resend] = useActionState(resendSignatureRequest, null);
  const [revokeState, revoke] = useActionState(revokeSignatureRequest, null);
  return (
    <div className="mt-3 flex flex-wrap items-start gap-3">
      <form action={resend}>
        <input type="hidden" name="requestId" value={requestId} />
        <ErrorSummary state={resendState} />
        <SubmitButton variant="secondary" pendingText="Sending…">
          Resend
        </SubmitButton>
      </form>
      <form action={revoke}>
        <input type="hidden" name="requestId" value={requestId} />
        <ErrorSummary state={revokeState} />
        <SubmitButton variant="danger" pendingText="Cancelling…">
          Cancel the signing link
        </SubmitButton>
      </form>
    </div>
  );
}
