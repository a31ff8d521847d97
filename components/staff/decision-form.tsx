'use client';
import { useActionState, type ReactNode } from 'react';
import { ErrorSummary } from '@/components/ui/form-feedback';
import { SubmitButton } from '@/components/ui/submit-button';
import type { FormState } from '@/lib/forms/form-state';

/** One decision of the console: a plain form (works without JavaScript) carrying the version the staff member saw. */
export function DecisionForm({ action, requestId, version, label, variant = 'primary', children }: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  requestId: string;
  version: number;
  label: string;
  variant?: 'primary' | 'secondary' | 'danger';
  children?: ReactNode;
}) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="version" value={version} />
      <ErrorSummary state={state} />
      {children}
      <SubmitButton variant={variant} pendingText="Saving…">{label}</SubmitButton>
    </form>
  );
}

export function RevealPinForm({ action, requestId }: { action: (prev: FormState, formData: FormData) => Promise<FormState>; requestId: string }) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="flex items-center gap-3">
      <input type="hidden" name="requestId" value={requestId} />
      {state?.ok ? (
        <span className="font-mono text-lg" data-testid="revealed-pin">{state.message}</span>
      ) : (
        <span className="font-mono">••••</span>
      )}
      <ErrorSummary state={state} />
      <button type="submit" className="rounded-md px-2 py-1 text-sm ring-1 ring-slate-300 hover:bg-slate-100">Reveal</button>
      <span className="text-xs text-slate-500">Each reveal is recorded.</span>
    </form>
  );
}
