import 'server-only';
import { and, desc, eq, inArray, ne, or } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { outboxEmails, portRequests } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { findPortRequest } from '../port-request-access';

/** The emails sent (or still being sent) about a request, so "I never got it" can be checked. */
export async function listEmailsSent(db: Queryable, actor: Actor, requestId: string) {
  const request = await findPortRequest(db, actor, requestId);
  // The submission email of split requests is filed under the first sibling of each account
  // (lib/notifications/submitted-email): a sibling shows that one, never another sibling's other
  // emails, nor those of a sibling that went to another account.
  const siblings = request.siblingGroupId
    ? await db
        .select({ id: portRequests.id })
        .from(portRequests)
        .where(and(eq(portRequests.siblingGroupId, request.siblingGroupId), eq(portRequests.accountId, request.accountId), ne(portRequests.id, request.id)))
    : [];
  const own = eq(outboxEmails.subjectRef, `port-request:${request.id}`);
  const shared = siblings.length
    ? and(eq(outboxEmails.template, 'port-submitted'), inArray(outboxEmails.subjectRef, siblings.map((s) => `port-request:${s.id}`)))
    : undefined;
  return db
    .select({
      id: outboxEmails.id,
      subject: outboxEmails.subject,
      toAddresses: outboxEmails.toAddresses,
      status: outboxEmails.status,
      createdAt: outboxEmails.createdAt,
      sentAt: outboxEmails.sentAt,
      attempts: outboxEmails.attempts,
    })
    .from(outboxEmails)
    .where(shared ? or(own, shared) : own)
    .orderBy(desc(outboxEmails.createdAt))
    .limit(100);
}
