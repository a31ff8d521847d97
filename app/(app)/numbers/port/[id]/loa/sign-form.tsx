'use client';
import { useActionState } from 'react';
import { SignatureField } from '@/components/porting/signature-field';
import { ErrorSummary, fieldErrorsOf, valueOf } from '@/components/ui/form-feedback';
import { SubmitButton } from '@/components/ui/submit-button';
import { saveSignature } from './actions';

export function SignForm({ requestId, typedName, signerTitle }: { requestId: string; typedName: string; signerTitle: string }) {
  const [state, action] = useActionState(saveSignature, null);
  const titleErrors = fieldErrorsOf(state, 'signerTitle');
  return (
    <form id="loa-sign" action={action} noValidate className="mt-8 space-y-4 rounded-md border border-slate-300 bg-slate-50 p-4">
      <input type="hidden" name="requestId" value={requestId} />
      <h3 className="font-semibold">Sign here</h3>
      <ErrorSummary state={state} labels={{ signerTitle: 'Title', typedName: 'Name' }} />
      <SignatureField typedNameDefault={valueOf(state, 'typedName', typedName)} errors={fieldErrorsOf(state, 'typedName')} />
      {/* Beside the name: the letter names the authorized person "Name, Title", as carriers ask. */}
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
      <SubmitButton pendingText="Saving…">Sign</SubmitButton>
    </form>
  );
}
