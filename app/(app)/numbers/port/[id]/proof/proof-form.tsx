'use client';
import { useActionState } from 'react';
import { ErrorSummary, fieldErrorsOf } from '@/components/ui/form-feedback';
import { SubmitButton } from '@/components/ui/submit-button';
import { sendProofOfOwnership } from './actions';

export function ProofForm({ requestId, filesOnRecord, resubmit = false }: { requestId: string; filesOnRecord: number; resubmit?: boolean }) {
  const [state, action] = useActionState(sendProofOfOwnership, null);
  const errors = fieldErrorsOf(state, 'proof');
  return (
    <form action={action} className="space-y-5">
      <input type="hidden" name="requestId" value={requestId} />
      <ErrorSummary state={state} />
      <div id="proof">
        <label htmlFor="proof-input" className="block text-sm font-medium">
          Bill or screenshot
        </label>
        <p className="text-xs text-slate-500">
          PDF, PNG, JPEG, HEIC or WebP, up to 10 MB each. You can choose several files.
          {filesOnRecord > 0 && ` ${filesOnRecord} file(s) already received; add more or send as is.`}
        </p>
        <input
          id="proof-input"
          name="proof"
          type="file"
          multiple
          accept="application/pdf,image/png,image/jpeg,image/heic,image/webp,.pdf,.png,.jpg,.jpeg,.heic,.webp"
          aria-invalid={errors.length > 0}
          className="mt-2 block w-full rounded-md border border-dashed border-slate-400 bg-slate-50 p-4 text-sm"
        />
        {errors.map((e) => (
          <p key={e} className="mt-1 text-sm text-red-700">
            {e}
          </p>
        ))}
      </div>
      {resubmit && <p className="text-sm text-slate-600">Add new proof only if our team asked for it.</p>}
      <SubmitButton pendingText="Sending…">{resubmit ? 'Resubmit' : 'Send Proof of Ownership'}</SubmitButton>
    </form>
  );
}
