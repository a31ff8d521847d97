'use client';
import { useActionState } from 'react';
import { ErrorSummary } from '@/components/ui/form-feedback';
import { SubmitButton } from '@/components/ui/submit-button';
import { rotateSecretAction, type RotateSecretState } from '../actions';
import { SecretReveal } from '../secret-reveal';
import { dateTimeUtc } from '@/lib/format/date-time-utc';

export function RotateSecretForm({ endpointId }: { endpointId: string }) {
  const [state, action] = useActionState<RotateSecretState, FormData>(rotateSecretAction, null);
  const rotated = state?.ok ? state.rotated : undefined;
  return (
    <div className="space-y-3">
      {rotated && (
        <SecretReveal
          title="The secret was rotated."
          secret={rotated.secret}
          note={`Until ${dateTimeUtc(new Date(rotated.previousExpiresAt))} messages are signed with both the new and the previous secret, so your receiver can switch without missing any.`}
        />
      )}
      <form action={action} className="flex flex-wrap items-center gap-3">
        <input type="hidden" name="endpointId" value={endpointId} />
        <ErrorSummary state={state} />
        <SubmitButton variant="secondary" pendingText="Rotating…">
          Rotate secret
        </SubmitButton>
      </form>
    </div>
  );
}
