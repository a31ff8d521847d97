'use client';
import { useActionState, useState } from 'react';
import { ErrorSummary, fieldErrorsOf } from '@/components/ui/form-feedback';
import { SubmitButton } from '@/components/ui/submit-button';
import { PROOF_MAX_BYTES, PROOF_MAX_FILES, proofSelectionProblems } from '@/lib/porting/proof/proof-limits';
import { sendProofOfOwnership } from './actions';

export function ProofForm({ requestId, filesOnRecord, resubmit = false, notice }: { requestId: string; filesOnRecord: number; resubmit?: boolean; notice?: string }) {
  const [state, action] = useActionState(sendProofOfOwnership, null);
  // With JavaScript, files too large or too many are named before a long upload starts.
  const [chosenProblems, setChosenProblems] = useState<string[]>([]);
  const errors = [...chosenProblems, ...(chosenProblems.length ? [] : fieldErrorsOf(state, 'proof')), ...(notice && !state ? [notice] : [])];
  return (
    <form
      action={action}
      className="space-y-5"
      onSubmit={(event) => {
        if (chosenProblems.length) event.preventDefault();
      }}
    >
      <input type="hidden" name="requestId" value={requestId} />
      <ErrorSummary state={state} />
      <div id="proof">
        <label htmlFor="proof-input" className="block text-sm font-medium">
          Bill or screenshot
        </label>
        <p className="text-xs text-slate-500">
          PDF, PNG, JPEG, HEIC or WebP, up to {PROOF_MAX_BYTES / (1024 * 1024)} MB each. You can choose several files (up to {PROOF_MAX_FILES} at a time).
          {filesOnRecord > 0 && ` ${filesOnRecord} file(s) already received; add more or send as is.`}
        </p>
        <input
          id="proof-input"
          name="proof"
          type="file"
          multiple
          accept="application/pdf,image/png,image/jpeg,image/heic,image/webp,.pdf,.png,.jpg,.jpeg,.heic,.webp"
          aria-invalid={errors.length > 0}
          aria-describedby="proof-errors"
          onChange={(event) => setChosenProblems(proofSelectionProblems([...(event.currentTarget.files ?? [])]))}
          className="mt-2 block w-full rounded-md border border-dashed border-slate-400 bg-slate-50 p-4 text-sm"
        />
        <div id="proof-errors" aria-live="polite">
          {errors.map((e) => (
            <p key={e} className="mt-1 text-sm text-red-700">
              {e}
            </p>
          ))}
        </div>
      </div>
      {resubmit && <p className="text-sm text-slate-600">Add new proof only if our team asked for it.</p>}
      <SubmitButton pendingText="Sending…">{resubmit ? 'Resubmit' : 'Send Proof of Ownership'}</SubmitButton>
    </form>
  );
}
