import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '@/db/client';
import { users } from '@/db/schema';

export { SIGN_IN_LINK_MINUTES } from './sign-in-link-lifetime';

export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, 'Enter the email address you use for this platform.')
    .max(254, 'That email address is too long.')
    .pipe(z.email('Enter an email address like name@company.com.')),
});

/** What a sign-in link carries (lib/auth/send-sign-in-link.ts builds it). */
export const signInLinkSchema = z.object({
  email: signInSchema.shape.email,
  token: z.string().regex(/^[0-9a-f]{64}$/),
  callbackUrl: z.string().max(512).optional(),
});

/** Only existing users may sign in; callers must answer the same either way. */
export async function isKnownUser(db: Queryable, email: string): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`).limit(1);
  return rows.length > 0;
}
