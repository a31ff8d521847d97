'use client';
import { useActionState } from 'react';
import { SignatureField } from '@/components/porting/signature-field';
import { ErrorSummary, fieldErrorsOf, valueOf } from '@/components/ui/form-feedback';
import { SubmitButton } from '@/components/ui/submit-button';
import { signLetter } from './actions';

export function LinkSignForm({ token, letterFingerprint, signerName, signerTitle }: { token: string; letterFingerprint: string; signerName: string; signerTitle: string }) {
  const [state, action] = useActionState(signLetter, null);
  const agreeErrors = fieldErrorsOf(state, 'agreed');
  const titleErrors = fieldErrorsOf(state, 'signerTitle');
  return (
    <form id="loa-sign" action={action} noValidate className="mt-8 space-y-4 rounded-md border border-slate-300 bg-slate-50 p-4">
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="letterFingerprint" value={letterFingerprint} />
      <h2 className="font-semibold">Sign here</h2>
      <ErrorSummary state={state} labels={{ signerTitle: 'Title', typedName: 'Name' }} />
      {/* Never prefilled: the signer types their name themselves (what was typed comes back after an error). */}
      <SignatureField
        typedNameDefault={valueOf(state, 'typedName', '')}
        errors={fieldErrorsOf(state, 'typedName')}
        hint={`The letter names ${signerName} as the authorized person. Type your full name yourself to sign it.`}
      />
      {/* Beside the name: the letter names the authorized person "Name, Title", as carriers ask. The sender's word, if any, is suggested. */}
      <div id="signerTitle">
        <label htmlFor="signerTitle-input" className="block text-sm font-medium">
          Your title at the business
        </label>
        <p id="signerTitle-hint" className="mt-1 text-sm text-slate-600">
          For example Office Manager or Owner. The letter names you with it.
        </p>
        <input
          id="signerTitle-input"
          name="signerTitle"
          defaultValue={valueOf(state, 'signerTitle', signerTitle)}
          autoComplete="organization-title"
          maxLength={60}
          aria-describedby="signerTitle-hint"
          aria-invalid={titleErrors.length > 0}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2"
        />
        {titleErrors.length > 0 && <p className="mt-1 text-sm text-red-700">{titleErrors.join(' ')}</p>}
      </div>
      <div id="agreed">
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="agreed" className="mt-1" aria-invalid={agreeErrors.length > 0} />
          <span>
            <strong>I Agree</strong>: I have read this Letter of Authorization and sign it electronically. My name, email,
            IP address, browser and the time are recorded with my signature.
          </span>
        </label>
        {agreeErrors.length > 0 && <p className="mt-1 text-sm text-red-700">{agreeErrors.join(' ')}</p>}
      </div>
      <SubmitButton pendingText="Signing…">Sign</SubmitButton>
    </form>
  );
}
