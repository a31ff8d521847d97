'use client';
import { useActionState } from 'react';
import { SignatureField } from '@/components/porting/signature-field';
import { SignerTitleField } from '@/components/porting/signer-title-field';
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
      <SignerTitleField defaultValue={valueOf(state, 'signerTitle', signerTitle)} errors={titleErrors} />
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
