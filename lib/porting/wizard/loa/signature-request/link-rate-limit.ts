import 'server-only';
import type { Database } from '@/db/client';
import { StateError } from '@/lib/errors';
import { consumeRateLimit } from '@/lib/security/rate-limit';

// Every use of a signing link (opening the page, signing, declining) counts against the client's
// address: the tokens cannot be guessed, and this keeps anyone from trying.
export const SIGNING_LINK_LIMIT = { max: 60, windowSeconds: 15 * 60 };
export const TOO_MANY_ATTEMPTS = 'Too many attempts from your network. Wait 15 minutes, then open the link from the email again.';

export function consumeSigningLinkAttempt(db: Database, clientAddress: string, now = new Date()): Promise<boolean> {
  return consumeRateLimit(db, [{ bucket: `loa-signing-link:${clientAddress}`, ...SIGNING_LINK_LIMIT }], now);
}

export async function assertSigningLinkAttempt(db: Database, clientAddress: string, now = new Date()): Promise<void> {
  if (!(await consumeSigningLinkAttempt(db, clientAddress, now))) throw new StateError(TOO_MANY_ATTEMPTS);
}
