'use client';
import { useActionState } from 'react';
import { SignatureField } from '@/components/porting/signature-field';
import { ErrorSummary, fieldErrorsOf, valueOf } from '@/components/ui/form-feedback';
import { SubmitButton } from '@/components/ui/submit-button';
import { saveSignature } from './actions';

export function SignForm({ requestId, typedName }: { requestId: string; typedName: string }) {
  const [state, action] = useActionState(saveSignature, null);
  return (
    <form id="loa-sign" action={action} noValidate className="mt-8 space-y-4 rounded-md border border-slate-300 bg-slate-50 p-4">
      <input type="hidden" name="requestId" value={requestId} />
      <h3 className="font-semibold">Sign here</h3>
      <ErrorSummary state={state} />
      <SignatureField typedNameDefault={valueOf(state, 'typedName', typedName)} errors={fieldErrorsOf(state, 'typedName')} />
      <SubmitButton pendingText="Saving…">Sign</SubmitButton>
    </form>
  );
}
