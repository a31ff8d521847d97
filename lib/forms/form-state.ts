// Forms send ids as hidden inputs, never via .bind() in a client component: with JavaScript off,
// Next 16 re-renders a page after its action and loops forever on a client-side bound action.

import type { z } from 'zod';

/** What every form action returns on failure: what went wrong, where, and what was typed. */
export type FormFailure = {
  ok: false;
  fieldErrors: Record<string, string[]>;
  formError?: string;
  values: Record<string, string>;
};

export type FormSuccess = { ok: true; message?: string; fieldErrors?: Record<string, string[]>; values?: Record<string, string> };

/** The one shape of every form's state; `Extra` is what a form adds (the numbers step's verdicts). */
export type FormState<Extra extends object = object> = ((FormFailure | FormSuccess) & Extra) | null;

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith('$ACTION') || typeof value !== 'string') continue;
    values[key] = value;
  }
  return values;
}

/** The summary's line when fields are wrong: once none is left, the browser's check drops the summary. */
export const INVALID_FORM_MESSAGE = 'Please correct the fields marked below.';

export function invalid(error: z.ZodError, values: Record<string, string>, formError?: string): FormFailure {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_form';
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { ok: false, fieldErrors, formError: formError ?? INVALID_FORM_MESSAGE, values };
}

export function failed(formError: string, values: Record<string, string> = {}, fieldErrors: Record<string, string[]> = {}): FormFailure {
  return { ok: false, fieldErrors, formError, values };
}
