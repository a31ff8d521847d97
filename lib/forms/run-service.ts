import 'server-only';
import { notFound } from 'next/navigation';
import { NotFoundError, StateError } from '@/lib/errors';
import { logFailure } from '@/lib/log';
import { failed, type FormState } from './form-state';

/**
 * The edge between a server action and a service: "not found" becomes a 404, a state the action
 * does not fit becomes its message, anything else a message with a retry. Returns null on success.
 */
export async function runService(work: () => Promise<unknown>, values: Record<string, string>): Promise<FormState | null> {
  try {
    await work();
    return null;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof StateError) return failed(error.message, values);
    logFailure('action', error);
    return failed('We could not save this just now; nothing you typed is lost. Please try again in a moment.', values);
  }
}
