'use client';
import { useActionState } from 'react';
import { RadioGroup, TextField } from '@/components/forms/fields';
import { ErrorSummary, fieldErrorsOf, valueOf } from '@/components/ui/form-feedback';
import { SubmitButton } from '@/components/ui/submit-button';
import { createApiKeyAction, type CreateKeyState } from './actions';

const SCOPE_CHOICES = [
  { value: 'port_requests:read', label: <><span className="font-medium">Read only</span> <span className="text-slate-600">— list and read port requests, their numbers, events, notes, recipients and LOA</span></> },
  { value: 'port_requests:write', label: <><span className="font-medium">Read and write</span> <span className="text-slate-600">— also create and change drafts, add numbers, upload proof, send the LOA for signature, submit, cancel, add notes and recipients</span></> },
];

export function CreateKeyForm() {
  const [state, action] = useActionState<CreateKeyState, FormData>(createApiKeyAction, null);
  const created = state?.ok ? state.created : undefined;
  return (
    <div className="space-y-4">
      {created && (
        <div role="status" data-testid="new-api-key" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
          <p className="font-medium">The key “{created.name}” was created. Copy it now: it will not be shown again.</p>
          <label htmlFor="new-api-key-secret" className="mt-3 block text-xs font-medium text-amber-900">
            Your new API key
          </label>
          <input
            id="new-api-key-secret"
            readOnly
            value={created.secret}
            className="mt-1 block w-full rounded-md border border-amber-300 bg-white px-3 py-2 font-mono text-sm"
            aria-describedby="new-api-key-hint"
            onFocus={(e) => e.currentTarget.select()}
          />
          <p id="new-api-key-hint" className="mt-2 text-xs">
            Select the key and copy it (Ctrl+C, or ⌘C on a Mac) into your system’s secret store. We keep only a hash of it, so
            nobody — not even our team — can show it to you again; if you lose it, revoke it and create another. Send it as
            <code className="mx-1 break-all rounded bg-white px-1">Authorization: Bearer {created.prefix}…</code>
          </p>
        </div>
      )}
      <form action={action} noValidate className="space-y-4" key={created ? `created-${created.id}` : 'editing'}>
        <ErrorSummary state={state} labels={{ name: 'Name', scopes: 'Access' }} />
        <TextField
          name="name"
          label="Name"
          hint="What will use the key, e.g. “CRM sync”. It is shown in the list and in the audit trail of every call."
          defaultValue={valueOf(state, 'name')}
          errors={fieldErrorsOf(state, 'name')}
          maxLength={60}
          autoComplete="off"
        />
        <RadioGroup
          name="scopes"
          legend="Access"
          options={SCOPE_CHOICES}
          defaultValue={valueOf(state, 'scopes', 'port_requests:read')}
          errors={fieldErrorsOf(state, 'scopes')}
        />
        <SubmitButton pendingText="Creating…">Create key</SubmitButton>
      </form>
    </div>
  );
}
