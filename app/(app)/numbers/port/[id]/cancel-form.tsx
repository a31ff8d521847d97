'use client';
import { useActionState } from 'react';
import { ErrorSummary } from '@/components/ui/form-feedback';
import { SubmitButton } from '@/components/ui/submit-button';
import { cancelRequestAction } from './actions';

export function CancelForm({ requestId, version }: { requestId: string; version: number }) {
  const [state, action] = useActionState(cancelRequestAction, null);
  return (
    <details className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
      <summary className="cursor-pointer text-sm font-medium text-red-700">Cancel this port request</summary>
      <form action={action} className="mt-3 space-y-3">
        <input type="hidden" name="requestId" value={requestId} />
        <input type="hidden" name="version" value={version} />
        <ErrorSummary state={state} />
        <label className="block text-sm">
          Why are you cancelling? (optional)
          <textarea name="reason" rows={2} maxLength={1000} className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5" />
        </label>
        <p className="text-sm text-slate-600">The numbers stay with your current carrier. This cannot be undone.</p>
        <SubmitButton variant="danger" pendingText="Cancelling…">Cancel the request</SubmitButton>
      </form>
    </details>
  );
}
