import 'server-only';
import { and, eq, gt } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { verificationTokens } from '@/db/schema';
import { getEnv } from '@/lib/config/env';
import { hashSignInToken } from './sign-in-token';

/** Whether a link can still sign in, without spending it: the confirmation page says so up front. */
export async function isSignInLinkUsable(db: Queryable, link: { email: string; token: string }, now = new Date()): Promise<boolean> {
  const rows = await db
    .select({ expires: verificationTokens.expires })
    .from(verificationTokens)
    .where(
      and(
        eq(verificationTokens.identifier, link.email),
        eq(verificationTokens.token, hashSignInToken(link.token, getEnv().authSecret)),
        gt(verificationTokens.expires, now),
      ),
    )
    .limit(1);
  return rows.length > 0;
}
