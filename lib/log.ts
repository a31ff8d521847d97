import { getLogger } from './ops/logger';

/**
 * Logs a failure without what it carried: database errors quote their query and parameters (which
 * can hold an encrypted PIN or a customer's address), so only the error's kind and the driver's own
 * message are kept. `context` is a fixed phrase of the code, never data.
 */
export function logFailure(context: string, error: unknown): void {
  getLogger().error({ context, error: describeError(error) }, context);
}

export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  if (error.message.startsWith('Failed query')) {
    const cause = error.cause instanceof Error ? error.cause.message : 'database error';
    return `${error.name}: query failed: ${cause}`;
  }
  return `${error.name}: ${error.message.slice(0, 500)}`;
}
