import 'server-only';
import { eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { portRequestRecipients, portRequests } from '@/db/schema';
import { canUseAccount, loadActor } from '@/lib/auth/actor';

/**
 * Who hears about a request: the user who entered it, then every added recipient, each only while
 * they may still see the request's account (someone removed from the account stops getting updates).
 */
export async function updateRecipients(db: Queryable, requestId: string): Promise<string[]> {
  const [request] = await db
    .select({ accountId: portRequests.accountId, submitterId: portRequests.createdByUserId })
    .from(portRequests)
    .where(eq(portRequests.id, requestId));
  if (!request) return [];
  const added = await db
    .select({ userId: portRequestRecipients.userId })
    .from(portRequestRecipients)
    .where(eq(portRequestRecipients.portRequestId, requestId))
    .orderBy(portRequestRecipients.createdAt);
  const emails: string[] = [];
  for (const userId of [request.submitterId, ...added.map((a) => a.userId)]) {
    const person = await loadActor(db, userId);
    if (person && !person.isStaff && canUseAccount(person, request.accountId) && !emails.includes(person.email)) emails.push(person.email);
  }
  return emails;
}
