import 'server-only';
import { eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { portRequestRecipients, portRequests, users } from '@/db/schema';

/** Who hears about a request: the user who entered it, then every added recipient. */
export async function updateRecipients(db: Queryable, requestId: string): Promise<string[]> {
  const [submitter] = await db
    .select({ email: users.email })
    .from(portRequests)
    .innerJoin(users, eq(users.id, portRequests.createdByUserId))
    .where(eq(portRequests.id, requestId));
  const added = await db
    .select({ email: users.email })
    .from(portRequestRecipients)
    .innerJoin(users, eq(users.id, portRequestRecipients.userId))
    .where(eq(portRequestRecipients.portRequestId, requestId))
    .orderBy(portRequestRecipients.createdAt);
  return [...new Set([submitter?.email, ...added.map((a) => a.email)].filter((e): e is string => !!e))];
}
