'use client';
import { useActionState } from 'react';
import { ErrorSummary, fieldErrorsOf, valueOf } from '@/components/ui/form-feedback';
import { SubmitButton } from '@/components/ui/submit-button';
import { submitTicket } from './actions';

export function TicketForm() {
  const [state, action] = useActionState(submitTicket, null);
  const numberErrors = fieldErrorsOf(state, 'numbers');
  return (
    <form action={action} noValidate className="space-y-4">
      <ErrorSummary state={state} />
      <div id="numbers">
        <label htmlFor="numbers-input" className="block text-sm font-medium">Numbers to port, one per line, with the country code</label>
        <textarea id="numbers-input" name="numbers" rows={6} defaultValue={valueOf(state, 'numbers')} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm" placeholder="+44 20 7946 0000" />
        {numberErrors.map((e) => (
          <p key={e} className="mt-1 text-sm text-red-700">{e}</p>
        ))}
      </div>
      <div>
        <label htmlFor="note" className="block text-sm font-medium">Anything the team should know (optional)</label>
        <textarea id="note" name="note" rows={3} defaultValue={valueOf(state, 'note')} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
      </div>
      <SubmitButton pendingText="Sending…">Submit ticket</SubmitButton>
    </form>
  );
}
