'use client';
import { useActionState } from 'react';
import { SignatureField } from '@/components/porting/signature-field';
import { SignerTitleField } from '@/components/porting/signer-title-field';
import { ErrorSummary, fieldErrorsOf, valueOf } from '@/components/ui/form-feedback';
import { SubmitButton } from '@/components/ui/submit-button';
import { useSchemaCheck } from '@/components/forms/use-schema-check';
import { loaSignatureSchema } from '@/lib/porting/wizard/loa/signature-schema';
import { saveSignature } from './actions';

export function SignForm({ requestId, typedName, signerTitle }: { requestId: string; typedName: string; signerTitle: string }) {
  const [answer, action] = useActionState(saveSignature, null);
  // Checked before posting, and "not signed yet" goes as soon as a signature is drawn or typed.
  const { state, onSubmit, onChange, recheck } = useSchemaCheck(answer, loaSignatureSchema);
  const titleErrors = fieldErrorsOf(state, 'signerTitle');
  return (
    <form id="loa-sign" action={action} onSubmit={onSubmit} onChange={onChange} noValidate className="mt-8 space-y-4 rounded-md border border-slate-300 bg-slate-50 p-4">
      <input type="hidden" name="requestId" value={requestId} />
      <h3 className="font-semibold">Sign here</h3>
      <ErrorSummary state={state} labels={{ signerTitle: 'Title', typedName: 'Name' }} />
      <SignatureField
        typedNameDefault={valueOf(state, 'typedName', typedName)}
        errors={fieldErrorsOf(state, 'typedName')}
        onDrawn={(input) => input.form && recheck(input.form, 'typedName')}
      />
      <SignerTitleField defaultValue={valueOf(state, 'signerTitle', signerTitle)} errors={titleErrors} />
      <SubmitButton pendingText="Saving…">Sign</SubmitButton>
    </form>
  );
}
