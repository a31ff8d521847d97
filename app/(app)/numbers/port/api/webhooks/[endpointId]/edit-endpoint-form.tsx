'use client';
import { useActionState } from 'react';
import { ErrorSummary } from '@/components/ui/form-feedback';
import { SubmitButton } from '@/components/ui/submit-button';
import type { FormState } from '@/lib/forms/form-state';
import { updateEndpointAction } from '../actions';
import { EndpointFields } from '../endpoint-fields';

export function EditEndpointForm({ endpoint, localMode }: { endpoint: { id: string; url: string; description: string | null; eventTypes: string[] }; localMode: boolean }) {
  const [state, action] = useActionState<FormState, FormData>(updateEndpointAction, null);
  return (
    <form action={action} noValidate className="space-y-4">
      <input type="hidden" name="endpointId" value={endpoint.id} />
      {state?.ok && <p role="status" className="text-sm text-green-700">{state.message}</p>}
      <ErrorSummary state={state} labels={{ url: 'Endpoint URL', description: 'Description', eventTypes: 'Events' }} />
      <EndpointFields state={state} defaults={endpoint} localMode={localMode} />
      <SubmitButton pendingText="Saving…">Save changes</SubmitButton>
    </form>
  );
}
