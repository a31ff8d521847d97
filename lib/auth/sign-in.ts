import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '@/db/client';
import { users } from '@/db/schema';

export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, 'Enter the email address you use for this platform.')
    .max(254, 'That email address is too long.')
    .pipe(z.email('Enter an email address like name@company.com.')),
});

/** Only existing users may sign in; callers must answer the same either way. */
export async function isKnownUser(db: Queryable, email: string): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`).limit(1);
  return rows.length > 0;
}
