'use client';
import { useActionState } from 'react';
import { ErrorSummary } from '@/components/ui/form-feedback';
import { SubmitButton } from '@/components/ui/submit-button';
import type { BulkState } from '@/app/staff/actions';

/**
 * The queue's one bulk form: the rows' checkboxes join it by its id (`form=`), so the table needs no
 * form around it and each row no form of its own. Works without JavaScript (the page comes back with the outcome).
 */
export function BulkStartReview({ id, action }: { id: string; action: (prev: BulkState, formData: FormData) => Promise<BulkState> }) {
  const [state, formAction] = useActionState(action, null);
  const outcome = state?.ok ? state.outcome : undefined;
  return (
    <div className="space-y-2 text-sm">
      <form id={id} action={formAction} className="flex items-center gap-3">
        <SubmitButton variant="secondary" pendingText="Starting…">Start review</SubmitButton>
        <span className="text-slate-500">on the ticked requests</span>
      </form>
      <ErrorSummary state={state} />
      {outcome && (
        <div role="status" className="rounded-md bg-slate-50 p-3 ring-1 ring-slate-200" data-testid="bulk-outcome">
          <p>{outcome.started.length ? `Review started on ${outcome.started.length}: ${outcome.started.map((s) => s.name).join(', ')}.` : 'Review was not started on any of them.'}</p>
          {outcome.refused.length > 0 && (
            <>
              <p className="mt-1">Not started on {outcome.refused.length}:</p>
              <ul className="list-disc pl-5">
                {outcome.refused.map((r) => <li key={r.requestId}>{r.name}: {r.reason}</li>)}
              </ul>
            </>
          )}
        </div>
      )}
    </div>
  );
}
