import type { FormState } from '@/lib/forms/form-state';

export function fieldErrorsOf(state: FormState, field: string): string[] {
  return state && !state.ok ? (state.fieldErrors[field] ?? []) : [];
}

export function valueOf(state: FormState, field: string, fallback = ''): string {
  return state && !state.ok && field in state.values ? state.values[field] : fallback;
}

/**
 * The summary at the top of a form: what went wrong, with links to each field. `focus` for a form far
 * down its page: the summary takes the focus, so the browser scrolls to it, with JavaScript (React
 * focuses it) and without (the reloaded page's `autofocus`).
 */
/** `anchorPrefix`: where two forms on one page share a field's name, each links to its own field. */
export function ErrorSummary({ state, labels, focus = false, anchorPrefix = '' }: { state: FormState; labels?: Record<string, string>; focus?: boolean; anchorPrefix?: string }) {
  if (!state || state.ok) return null;
  const fields = Object.entries(state.fieldErrors);
  return (
    <div
      role="alert"
      tabIndex={focus ? -1 : undefined}
      autoFocus={focus}
      className="mb-6 scroll-mt-4 rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-900 focus:outline-none">
      {state.formError && <p className="font-medium">{state.formError}</p>}
      {fields.length > 0 && (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {fields.map(([field, messages]) => (
            <li key={field}>
              {/* At least 24 px high (WCAG 2.5.8): each line is a target of its own, not a link inside a sentence. */}
              <a href={`#${anchorPrefix}${field}`} className="inline-block min-h-6 py-0.5 text-red-900 underline">
                {labels?.[field] ? `${labels[field]}: ` : ''}
                {messages[0]}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function FieldError({ id, messages }: { id: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
      {messages[0]}
    </p>
  );
}
