'use client';
import { useActionState } from 'react';
import { ErrorSummary, fieldErrorsOf, valueOf } from '@/components/ui/form-feedback';
import { SubmitButton } from '@/components/ui/submit-button';
import { declineLetter } from './actions';

export function DeclineForm({ token }: { token: string }) {
  const [state, action] = useActionState(declineLetter, null);
  const errors = fieldErrorsOf(state, 'reason');
  return (
    <form action={action} noValidate className="mt-8 space-y-3 rounded-md border border-slate-300 p-4">
      <input type="hidden" name="token" value={token} />
      <h2 className="font-semibold">Decline to sign</h2>
      <ErrorSummary state={state} />
      <div id="reason">
        <label htmlFor="reason-input" className="block text-sm font-medium">
          Why do you decline? The sender reads this.
        </label>
        <textarea
          id="reason-input"
          name="reason"
          rows={3}
          maxLength={1000}
          defaultValue={valueOf(state, 'reason')}
          aria-invalid={errors.length > 0}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2"
        />
        {errors.length > 0 && <p className="mt-1 text-sm text-red-700">{errors.join(' ')}</p>}
      </div>
      <SubmitButton variant="danger" pendingText="Sending…">
        Decline to sign
      </SubmitButton>
    </form>
  );
}
