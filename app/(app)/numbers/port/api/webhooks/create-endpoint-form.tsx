'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import { ErrorSummary } from '@/components/ui/form-feedback';
import { SubmitButton } from '@/components/ui/submit-button';
import { createEndpointAction, type CreateEndpointState } from './actions';
import { EndpointFields } from './endpoint-fields';
import { SecretReveal } from './secret-reveal';

export function CreateEndpointForm({ localMode }: { localMode: boolean }) {
  const [state, action] = useActionState<CreateEndpointState, FormData>(createEndpointAction, null);
  const created = state?.ok ? state.created : undefined;
  return (
    <div className="space-y-4">
      {created && (
        <>
          <SecretReveal title={`The endpoint ${created.url} was added.`} secret={created.secret} />
          <p className="text-sm">
            <Link href={`/numbers/port/api/webhooks/${created.id}`}>Open the endpoint</Link> to see its deliveries.
          </p>
        </>
      )}
      <form action={action} noValidate className="space-y-4" key={created ? `created-${created.id}` : 'editing'}>
        <ErrorSummary state={state} labels={{ url: 'Endpoint URL', description: 'Description', eventTypes: 'Events' }} />
        <EndpointFields state={state} localMode={localMode} />
        <SubmitButton pendingText="Adding…">Add endpoint</SubmitButton>
      </form>
    </div>
  );
}
