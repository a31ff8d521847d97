'use client';
import { useActionState } from 'react';
import { ErrorSummary, fieldErrorsOf } from '@/components/ui/form-feedback';
import { SubmitButton } from '@/components/ui/submit-button';
import type { FormState } from '@/lib/forms/form-state';

/** Reply box of the notes thread; the team's console passes its own action (with internal notes). */
export function NoteForm({ requestId, action: serverAction, allowInternal = false, idName = 'requestId' }: {
  requestId: string;
  idName?: string;
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  allowInternal?: boolean;
}) {
  const [state, action] = useActionState(serverAction, null);
  const errors = fieldErrorsOf(state, 'body');
  // After a successful note the box starts empty; after an error it keeps what was typed.
  const typed = state && !state.ok ? (state.values.body ?? '') : '';
  return (
    <form action={action} className="space-y-3" key={state?.ok ? 'sent' : 'editing'}>
      <input type="hidden" name={idName} value={requestId} />
      <ErrorSummary state={state} />
      {state?.ok && <p role="status" className="text-sm text-green-700">{state.message}</p>}
      <label htmlFor="body" className="block text-sm font-medium">
        Add a note
      </label>
      <textarea id="body" name="body" rows={4} defaultValue={typed} maxLength={5000} aria-invalid={errors.length > 0} className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
      {allowInternal && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="visibility" value="internal" /> Internal note (the customer never sees it)
        </label>
      )}
      <SubmitButton pendingText="Sending…">Send note</SubmitButton>
    </form>
  );
}
