'use client';
import { useActionState } from 'react';
import { ErrorSummary } from '@/components/ui/form-feedback';
import { SubmitButton } from '@/components/ui/submit-button';
import type { FormState } from '@/lib/forms/form-state';

/** Who holds the request, and the ways to change it: take it, give it to a team member, or put it back. */
export function AssignmentForm({ action, requestId, assignee, team }: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  requestId: string;
  assignee: { userId: string; name: string; since: string } | null;
  team: { userId: string; name: string }[];
}) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-2 text-sm" data-testid="assignment">
      <input type="hidden" name="requestId" value={requestId} />
      <p>{assignee ? <>Assigned to <strong>{assignee.name}</strong> since {assignee.since}</> : 'Not assigned to anyone.'}</p>
      <ErrorSummary state={state} />
      <div className="flex flex-wrap items-end gap-2">
        <SubmitButton variant="secondary" name="assign" value="me">Assign to me</SubmitButton>
        <label className="text-xs text-slate-600">Team member
          <select name="userId" defaultValue={assignee?.userId ?? ''} className="mt-1 block rounded-md border border-slate-300 px-2 py-1 text-sm">
            <option value="">Choose…</option>
            {team.map((m) => <option key={m.userId} value={m.userId}>{m.name}</option>)}
          </select>
        </label>
        <SubmitButton variant="secondary" name="assign" value="chosen">Reassign</SubmitButton>
        {assignee && <SubmitButton variant="secondary" name="assign" value="none">Unassign</SubmitButton>}
      </div>
    </form>
  );
}
