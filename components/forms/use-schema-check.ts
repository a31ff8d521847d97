'use client';
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { formValues, invalid, INVALID_FORM_MESSAGE, type FormFailure, type FormState } from '@/lib/forms/form-state';

/**
 * The step's own schema, run in the browser before the form posts (JavaScript on; without it the
 * server's answer is the same): a mistake is shown at once, and nothing typed, the PIN included,
 * leaves the page until the whole form passes. A field's message goes once what it names is fixed.
 * Returns the state to render: the server's answer, or the browser's check since that answer.
 */
export function useSchemaCheck(serverState: FormState, schema: z.ZodType) {
  const [check, setCheck] = useState<{ after: FormState; failure: FormFailure | null; fixed: string[] }>({ after: serverState, failure: null, fixed: [] });
  // A new answer from the server replaces whatever the browser found before it.
  const current = check.after === serverState ? check : { after: serverState, failure: null, fixed: [] };
  const shown = withoutFixed(current.failure ?? serverState, current.fixed);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const values = formValues(new FormData(event.currentTarget));
    const parsed = schema.safeParse(values);
    if (parsed.success) return;
    event.preventDefault();
    setCheck({ after: serverState, failure: invalid(parsed.error, values), fixed: [] });
  }

  /** Drops `field`'s message once the form passes for it (a field JavaScript fills in calls this itself). */
  function recheck(form: HTMLFormElement, field: string) {
    if (!field || !shown || shown.ok || !(field in shown.fieldErrors)) return;
    const parsed = schema.safeParse(formValues(new FormData(form)));
    const stillWrong = !parsed.success && parsed.error.issues.some((issue) => issue.path[0] === field);
    if (!stillWrong) setCheck({ ...current, fixed: [...current.fixed, field] });
  }

  function onChange(event: FormEvent<HTMLFormElement>) {
    recheck(event.currentTarget, (event.target as HTMLInputElement).name);
  }

  return { state: shown, onSubmit, onChange, recheck };
}

function withoutFixed(state: FormState, fixed: string[]): FormState {
  if (!state || state.ok || fixed.length === 0) return state;
  const fieldErrors = Object.fromEntries(Object.entries(state.fieldErrors).filter(([field]) => !fixed.includes(field)));
  // Once every marked field is fixed, the summary that pointed at them goes too.
  if (Object.keys(fieldErrors).length === 0 && state.formError === INVALID_FORM_MESSAGE) return null;
  return { ...state, fieldErrors };
}
