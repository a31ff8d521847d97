'use client';
import { useActionState } from 'react';
import { ErrorSummary, FieldError, fieldErrorsOf, valueOf } from '@/components/ui/form-feedback';
import { SubmitButton } from '@/components/ui/submit-button';
import { requestSignInLink } from './actions';

export function SignInForm({ email, callbackUrl }: { email?: string; callbackUrl?: string }) {
  const [state, action] = useActionState(requestSignInLink, null);
  const errors = fieldErrorsOf(state, 'email');
  return (
    <form action={action} noValidate className="space-y-4">
      <ErrorSummary state={state} />
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <div>
        <label htmlFor="email" className="block text-sm font-medium">
          Email address
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={valueOf(state, 'email', email)}
          aria-invalid={errors.length > 0}
          aria-describedby={errors.length ? 'email-error' : undefined}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2"
        />
        <FieldError id="email" messages={errors} />
      </div>
      <SubmitButton pendingText="Sending…">Email me a sign-in link</SubmitButton>
    </form>
  );
}
