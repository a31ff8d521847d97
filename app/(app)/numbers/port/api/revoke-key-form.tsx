'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import { ErrorSummary } from '@/components/ui/form-feedback';
import { SubmitButton } from '@/components/ui/submit-button';
import type { FormState } from '@/lib/forms/form-state';
import { revokeApiKeyAction } from './actions';

/** The confirmation step of "Revoke": a plain form, so it works with JavaScript off. */
export function RevokeKeyForm({ keyId, name }: { keyId: string; name: string }) {
  const [state, action] = useActionState<FormState, FormData>(revokeApiKeyAction, null);
  return (
    <form action={action} className="mt-3 flex flex-wrap items-center gap-3">
      <input type="hidden" name="keyId" value={keyId} />
      <ErrorSummary state={state} />
      <SubmitButton variant="danger" pendingText="Revoking…">
        Revoke “{name}”
      </SubmitButton>
      <Link href="/numbers/port/api">Keep it</Link>
    </form>
  );
}
