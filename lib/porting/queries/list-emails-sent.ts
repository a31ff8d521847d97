import 'server-only';
import { desc, inArray } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { outboxEmails } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { findPortRequest } from '../port-request-access';

/** The emails sent (or still being sent) about a request, so "I never got it" can be checked. */
export async function listEmailsSent(db: Queryable, actor: Actor, requestId: string) {
  const request = await findPortRequest(db, actor, requestId);
  // The submission email of split requests is filed under the first of the siblings.
  const refs = [...new Set([request.id, request.siblingGroupId].filter((v): v is string => !!v))].map((id) => `port-request:${id}`);
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
    .where(inArray(outboxEmails.subjectRef, refs))
    .orderBy(desc(outboxEmails.createdAt))
    .limit(100);
}
