import { TextField } from '@/components/forms/fields';
import { fieldErrorsOf, valueOf } from '@/components/ui/form-feedback';
import type { FormState } from '@/lib/forms/form-state';
import { WEBHOOK_EVENT_DESCRIPTIONS, WEBHOOK_EVENT_TYPES } from '@/lib/webhooks/webhook-events';

/** The URL, description and event type fields of the add and edit forms; keeps what was typed on an error. */
export function EndpointFields({ state, defaults, localMode }: { state: FormState; defaults?: { url: string; description: string | null; eventTypes: string[] }; localMode: boolean }) {
  const kept = state && !state.ok && 'eventTypes' in state.values ? state.values.eventTypes.split(',').filter(Boolean) : null;
  const checked = new Set(kept ?? defaults?.eventTypes ?? WEBHOOK_EVENT_TYPES);
  const typeErrors = fieldErrorsOf(state, 'eventTypes');
  return (
    <>
      <TextField
        name="url"
        type="url"
        label="Endpoint URL"
        hint={localMode ? 'Local mode: any http or https URL is taken, such as http://127.0.0.1:4000/hooks. In production only HTTPS to a public address.' : 'An HTTPS address reachable from the internet.'}
        defaultValue={valueOf(state, 'url', defaults?.url ?? '')}
        errors={fieldErrorsOf(state, 'url')}
        maxLength={2048}
        autoComplete="off"
        placeholder="https://crm.example.com/webhooks/porting"
      />
      <TextField name="description" label="Description (optional)" defaultValue={valueOf(state, 'description', defaults?.description ?? '')} errors={fieldErrorsOf(state, 'description')} maxLength={200} autoComplete="off" />
      <fieldset aria-describedby={typeErrors.length ? 'eventTypes-error' : undefined}>
        <legend className="block text-sm font-medium text-slate-800">Events to send</legend>
        <div id="eventTypes" className="mt-2 grid gap-2 sm:grid-cols-2">
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <label key={type} className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="eventTypes" value={type} defaultChecked={checked.has(type)} className="mt-1" />
              <span>
                <code className="font-mono text-xs">{type}</code>
                <span className="block text-xs text-slate-600">{WEBHOOK_EVENT_DESCRIPTIONS[type]}</span>
              </span>
            </label>
          ))}
        </div>
        {typeErrors.length > 0 && (
          <p id="eventTypes-error" className="mt-1 text-sm text-red-700">
            {typeErrors[0]}
          </p>
        )}
      </fieldset>
    </>
  );
}
