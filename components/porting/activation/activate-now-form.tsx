'use client';
import { useActionState } from 'react';
import { ErrorSummary } from '@/components/ui/form-feedback';
import { SubmitButton } from '@/components/ui/submit-button';
import type { FormState } from '@/lib/forms/form-state';

/**
 * On-demand activation of a fast-port order: on the FOC day, inside the carrier's window, the
 * customer moves the numbers when ready instead of waiting for the window's end. A plain form
 * (works without JavaScript); the times come preformatted from the server, in UTC.
 */
export function ActivateNowForm({ action, requestId, windowStartsAt, windowEndsAt }: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  requestId: string;
  windowStartsAt: string;
  windowEndsAt: string;
}) {
  const [state, formAction] = useActionState(action, null);
  return (
    <section className="mt-6 rounded-lg bg-green-50 p-5 ring-1 ring-green-300" data-testid="activate-now" aria-labelledby="activate-now-heading">
      <h2 id="activate-now-heading" className="font-semibold">Your numbers can move now</h2>
      <p className="mt-1 text-sm text-slate-700">
        Today your current carrier lets you activate the port yourself, between {windowStartsAt} and {windowEndsAt}. Activate when
        your team is ready to take calls here; if you do nothing, the numbers move at {windowEndsAt}.
      </p>
      <form action={formAction} className="mt-3">
        <input type="hidden" name="requestId" value={requestId} />
        <ErrorSummary state={state} />
        <SubmitButton pendingText="Activating…">Activate now</SubmitButton>
      </form>
    </section>
  );
}
