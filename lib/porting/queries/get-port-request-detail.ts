import 'server-only';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { accounts, changeRequests, loaSignatures, memberships, portRequestEvents, portRequestNotes, portRequestNumbers, proofFiles, staffMembers, trackingSources, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { findPortRequest } from '../port-request-access';
import { CUSTOMER_EVENT_TYPES, PORTING_TEAM } from '../events/port-request-event';

/** Everything a customer may see of a request (staff see every event); the PIN only as "on file". */
export async function getPortRequestDetail(db: Queryable, actor: Actor, requestId: string) {
  const request = await findPortRequest(db, actor, requestId);
  const { accountPinCiphertext, ...fields } = request;
  const [account] = await db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, request.accountId));
  const numbers = await db
    .select({
      id: portRequestNumbers.id,
      number: portRequestNumbers.number,
      receivingNumber: portRequestNumbers.receivingNumber,
      country: portRequestNumbers.country,
      isTollFree: portRequestNumbers.isTollFree,
      status: portRequestNumbers.status,
      statusReason: portRequestNumbers.statusReason,
      trackingSource: trackingSources.name,
      accountName: accounts.name,
    })
    .from(portRequestNumbers)
    .innerJoin(accounts, eq(accounts.id, portRequestNumbers.targetAccountId))
    .leftJoin(trackingSources, eq(trackingSources.id, portRequestNumbers.trackingSourceId))
    .where(eq(portRequestNumbers.portRequestId, requestId))
    .orderBy(asc(portRequestNumbers.position));
  const [loa] = await db
    .select()
    .from(loaSignatures)
    .where(and(eq(loaSignatures.portRequestId, requestId), isNull(loaSignatures.voidedAt)))
    .orderBy(desc(loaSignatures.signedAt))
    .limit(1);
  const proofs = await db.select().from(proofFiles).where(eq(proofFiles.portRequestId, requestId)).orderBy(asc(proofFiles.uploadedAt));
  const rows = await db
    .select({
      id: portRequestEvents.id,
      type: portRequestEvents.type,
      toStatus: portRequestEvents.toStatus,
      reason: portRequestEvents.reason,
      createdAt: portRequestEvents.createdAt,
      actorName: users.name,
      byStaff: sql<boolean>`${staffMembers.userId} is not null`,
      byAccountUser: sql<boolean>`exists (select 1 from ${memberships} where ${memberships.userId} = ${portRequestEvents.actorUserId})`,
    })
    .from(portRequestEvents)
    .leftJoin(users, eq(users.id, portRequestEvents.actorUserId))
    .leftJoin(staffMembers, eq(staffMembers.userId, portRequestEvents.actorUserId))
    .where(and(eq(portRequestEvents.portRequestId, requestId), actor.isStaff ? undefined : inArray(portRequestEvents.type, CUSTOMER_EVENT_TYPES)))
    .orderBy(asc(portRequestEvents.createdAt));
  // Staff see who did what; a customer sees the names of the account's own users, and our team as one.
  const events = rows.map(({ byStaff, byAccountUser, actorName, ...event }) => ({
    ...event,
    actorName: actor.isStaff ? actorName : byStaff ? PORTING_TEAM : byAccountUser ? actorName : null,
  }));
  const [{ noteCount }] = await db
    .select({ noteCount: sql<number>`count(*)::int` })
    .from(portRequestNotes)
    .where(and(eq(portRequestNotes.portRequestId, requestId), eq(portRequestNotes.visibility, 'public')));
  const [openChanges] = await db
    .select({ reasons: changeRequests.reasons, note: changeRequests.note, createdAt: changeRequests.createdAt })
    .from(changeRequests)
    .where(and(eq(changeRequests.portRequestId, requestId), isNull(changeRequests.resolvedAt)))
    .orderBy(desc(changeRequests.createdAt))
    .limit(1);
  return { request: { ...fields, hasPin: !!accountPinCiphertext }, accountName: account.name, numbers, loa: loa ?? null, proofs, events, noteCount, openChanges: openChanges ?? null };
}

export type PortRequestDetail = Awaited<ReturnType<typeof getPortRequestDetail>>;
