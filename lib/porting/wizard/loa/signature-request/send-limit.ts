import 'server-only';
import type { Transaction } from '@/db/client';
import { RateLimitedError } from '@/lib/errors';
import { consumeRateLimit } from '@/lib/security/rate-limit';

// Each send or resend emails someone who may not be a user of the platform, with a name the sender
// typed: without a limit, a key or a session could use the platform to flood or phish any address.
const DAY = 24 * 60 * 60;
export const SIGNING_EMAIL_LIMITS = {
  perRequest: { max: 5, windowSeconds: DAY },
  perAccount: { max: 50, windowSeconds: DAY },
  perRecipient: { max: 10, windowSeconds: DAY },
};

/** Counts one signing email in the send's own transaction (so a refused send counts nothing), or refuses it. */
export async function countSigningEmail(tx: Transaction, target: { requestId: string; accountId: string; signerEmail: string }, now: Date): Promise<void> {
  const allowed = await consumeRateLimit(
    tx,
    [
      { bucket: `loa-email:request:${target.requestId}`, ...SIGNING_EMAIL_LIMITS.perRequest },
      { bucket: `loa-email:account:${target.accountId}`, ...SIGNING_EMAIL_LIMITS.perAccount },
      { bucket: `loa-email:to:${target.signerEmail.toLowerCase()}`, ...SIGNING_EMAIL_LIMITS.perRecipient },
    ],
    now,
  );
  if (!allowed) {
    throw new RateLimitedError('This letter has been emailed for signature as often as we allow in a day. Try again tomorrow, or sign it yourself on this step.', DAY);
  }
}
