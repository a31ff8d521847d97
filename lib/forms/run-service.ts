import 'server-only';
import { notFound } from 'next/navigation';
import { NotFoundError, StateError } from '@/lib/errors';
import { logFailure } from '@/lib/log';
import { failed, type FormFailure } from './form-state';

export type ServiceResult<T> = { ok: true; value: T } | FormFailure;

/**
 * The edge between a server action and a service: the service's value, or the form's failure.
 * "Not found" becomes a 404, a state the action does not fit becomes its message, anything else a
 * message with a retry; what the user typed (`values`) comes back with it.
 */
export async function runService<T>(work: () => Promise<T>, values: Record<string, string> = {}): Promise<ServiceResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof StateError) return failed(error.message, values, Object.fromEntries(Object.entries(error.fields).map(([field, message]) => [field, [message]])));
    logFailure('action', error);
    return failed('We could not save this just now; nothing you typed is lost. Please try again in a moment.', values);
  }
}
