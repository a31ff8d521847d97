import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Queryable } from '@/db/client';
import { portRequestRecipients, users } from '@/db/schema';
import { canUseAccount, loadActor, type Actor } from '@/lib/auth/actor';
import { StateError } from '@/lib/errors';
import { recordEvent } from '../events/record-event';
import { singleLineText } from '../wizard/single-line-text';
import { findPortRequest } from '../port-request-access';

export const recipientSchema = z.object({
  email: singleLineText().toLowerCase().min(1, 'Enter an email address.').max(254, 'That address is too long.').pipe(z.email('Enter an email address like name@company.com.')),
});

export type Recipient = { userId: string; email: string; name: string | null; isSubmitter: boolean };

/** The submitter (always, first) and the added recipients of a request. */
export async function listRecipients(db: Queryable, actor: Actor, requestId: string): Promise<Recipient[]> {
  const request = await findPortRequest(db, actor, requestId);
  const [submitter] = await db.select({ userId: users.id, email: users.email, name: users.name }).from(users).where(eq(users.id, request.createdByUserId));
  const added = await db
    .select({ userId: users.id, email: users.email, name: users.name })
    .from(portRequestRecipients)
    .innerJoin(users, eq(users.id, portRequestRecipients.userId))
    .where(eq(portRequestRecipients.portRequestId, requestId))
    .orderBy(asc(portRequestRecipients.createdAt));
  return [{ ...submitter, isSubmitter: true }, ...added.map((a) => ({ ...a, isSubmitter: false }))];
}

// One answer for unknown addresses and for users of other accounts: the form must not reveal who uses the platform.
const NOT_ALLOWED = 'Only users of this platform who can see this account can receive its updates. Ask an admin to invite them to the account first.';

/** "Edit Recipient Emails": adds a platform user who may see the request's account. */
export async function addRecipient(db: Database, actor: Actor, requestId: string, email: string): Promise<void> {
  await db.transaction(async (tx) => {
    const request = await findPortRequest(tx, actor, requestId, { forUpdate: true });
    const [user] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
    const candidate = user ? await loadActor(tx, user.id) : null;
    if (!candidate || candidate.isStaff || !canUseAccount(candidate, request.accountId)) throw new StateError(NOT_ALLOWED);
    if (candidate.userId === request.createdByUserId) throw new StateError('The person who entered the request already receives every update.');
    const inserted = await tx
      .insert(portRequestRecipients)
      .values({ portRequestId: requestId, userId: candidate.userId, addedByUserId: actor.userId })
      .onConflictDoNothing()
      .returning({ userId: portRequestRecipients.userId });
    if (inserted.length === 0) throw new StateError(`${email} already receives the updates.`);
    await recordEvent(tx, { requestId, actor }, { type: 'recipient_added', email: candidate.email });
  });
}

export async function removeRecipient(db: Database, actor: Actor, requestId: string, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const request = await findPortRequest(tx, actor, requestId, { forUpdate: true });
    if (userId === request.createdByUserId) throw new StateError('The person who entered the request always receives its updates.');
    const removed = await tx
      .delete(portRequestRecipients)
      .where(and(eq(portRequestRecipients.portRequestId, requestId), eq(portRequestRecipients.userId, userId)))
      .returning({ userId: portRequestRecipients.userId });
    if (removed.length) {
      await recordEvent(tx, { requestId, actor }, { type: 'recipient_removed' });
    }
  });
}

