import 'server-only';
import type { Database } from '@/db/client';
import { scheduleJob } from '@/lib/jobs/run-due-jobs';
import { consumeRateLimit } from '@/lib/security/rate-limit';

export const SIGN_IN_LINK_JOB = 'send-sign-in-link';
export type SignInLinkPayload = { email: string; callbackPath: string };

/**
 * "Email me a sign-in link". The request does the same work for every address (rate limits, then a
 * job), known or not: whether the address belongs to a user is decided later, off the request path,
 * so neither the answer nor its timing tells who has an account.
 */
export async function requestSignInLink(
  db: Database,
  input: { email: string; clientAddress: string; callbackPath: string },
  now = new Date(),
): Promise<'queued' | 'rate-limited'> {
  // Per address (someone flooding one inbox) and per client address (someone trying many addresses).
  const allowed = await consumeRateLimit(
    db,
    [
      { bucket: `sign-in:email:${input.email}`, max: 5, windowSeconds: 15 * 60 },
      { bucket: `sign-in:ip:${input.clientAddress}`, max: 50, windowSeconds: 15 * 60 },
    ],
    now,
  );
  if (!allowed) return 'rate-limited';
  const payload: SignInLinkPayload = { email: input.email, callbackPath: input.callbackPath };
  await scheduleJob(db, { kind: SIGN_IN_LINK_JOB, payload, runAt: now });
  return 'queued';
}
