'use client';
import { useActionState } from 'react';
import { TextField } from '@/components/forms/fields';
import { fieldErrorsOf, valueOf } from '@/components/ui/form-feedback';
import { SubmitButton } from '@/components/ui/submit-button';
import { addRecipientAction } from './actions';

export function AddRecipientForm({ requestId }: { requestId: string }) {
  const [state, action] = useActionState(addRecipientAction, null);
  return (
    <form action={action} noValidate className="space-y-3" key={state?.ok ? 'added' : 'editing'}>
      <input type="hidden" name="requestId" value={requestId} />
      {state?.ok && <p role="status" className="text-sm text-green-700">{state.message}</p>}
      <TextField
        name="email"
        type="email"
        label="Add a recipient"
        hint="A user of this platform who can see this account."
        defaultValue={state?.ok ? '' : valueOf(state, 'email')}
        errors={fieldErrorsOf(state, 'email')}
        autoComplete="email"
      />
      <SubmitButton pendingText="Adding…">Add recipient</SubmitButton>
    </form>
  );
}
