import 'server-only';
import { TransactionRollbackError } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { verificationTokens } from '@/db/schema';
import { getEnv } from '@/lib/config/env';
import { queueEmail } from '@/lib/mail/queue-email';
import type { SignInLinkPayload } from './request-sign-in-link';
import { isKnownUser, SIGN_IN_LINK_MINUTES } from './sign-in';
import { hashSignInToken, newSignInToken } from './sign-in-token';

/**
 * The job behind "Email me a sign-in link": for a user of the platform, a single-use token and the
 * email carrying it, in one transaction. For anyone else the same work is done and undone (a
 * savepoint rolled back), so the server's load right after a request does not tell who has an
 * account either. The link is built on APP_URL alone and opens a page that asks before signing in
 * (a prefetching scanner spends nothing).
 */
export async function sendSignInLink(tx: Transaction, payload: SignInLinkPayload, now: Date): Promise<void> {
  const known = await isKnownUser(tx, payload.email);
  await tx
    .transaction(async (savepoint) => {
      await issueLink(savepoint, payload, now);
      if (!known) savepoint.rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof TransactionRollbackError)) throw error;
    });
}

async function issueLink(tx: Transaction, payload: SignInLinkPayload, now: Date) {
  const env = getEnv();
  const token = newSignInToken();
  const expires = new Date(now.getTime() + SIGN_IN_LINK_MINUTES * 60_000);
  await tx.insert(verificationTokens).values({ identifier: payload.email, token: hashSignInToken(token, env.authSecret), expires });
  const url = new URL('/sign-in/confirm', env.appUrl);
  url.search = new URLSearchParams({ email: payload.email, token, ...(payload.callbackPath !== '/' ? { callbackUrl: payload.callbackPath } : {}) }).toString();
  await queueEmail(tx, {
    to: [payload.email],
    subject: 'Your sign-in link for Port Numbers',
    template: 'sign-in-link',
    props: { url: url.toString(), expiresInMinutes: SIGN_IN_LINK_MINUTES },
  });
}
