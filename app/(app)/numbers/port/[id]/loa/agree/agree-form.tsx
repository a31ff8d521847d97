'use client';
import { useActionState } from 'react';
import { ErrorSummary } from '@/components/ui/form-feedback';
import { SubmitButton } from '@/components/ui/submit-button';
import { agreeToLoa } from '../actions';

export function AgreeForm({ requestId }: { requestId: string }) {
  const [state, action] = useActionState(agreeToLoa, null);
  return (
    <form action={action}>
      <input type="hidden" name="requestId" value={requestId} />
      <ErrorSummary state={state} />
      <SubmitButton pendingText="Signing…">I Agree</SubmitButton>
    </form>
  );
}
