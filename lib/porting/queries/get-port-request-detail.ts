import 'server-only';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { accounts, changeRequests, loaSignatures, portRequestNotes, portRequestNumbers, proofFiles, trackingSources } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { regionTimeZone } from '@/lib/format/region-time-zone';
import { findPortRequest } from '../port-request-access';
import { readEvents } from '../events/read-events';

/** Everything a customer may see of a request (staff see every event); the PIN only as "on file". */
export async function getPortRequestDetail(db: Queryable, actor: Actor, requestId: string) {
  const request = await findPortRequest(db, actor, requestId);
  const { accountPinCiphertext, ...fields } = request;
  // Customers read times where they are (from the billing address); the team reads UTC.
  const timeZone = actor.isStaff ? undefined : regionTimeZone(request.billingAddress);
  // Access is settled above; the rest are independent reads, sent together (one round trip's wait, not seven).
  const [[account], numbers, [loa], proofs, events, [{ noteCount }], [openChanges]] = await Promise.all([
    db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, request.accountId)),
    db
      .select({
        id: portRequestNumbers.id,
        number: portRequestNumbers.number,
        receivingNumber: portRequestNumbers.receivingNumber,
        country: portRequestNumbers.country,
        isTollFree: portRequestNumbers.isTollFree,
        status: portRequestNumbers.status,
        statusReason: portRequestNumbers.statusReason,
        portedAt: portRequestNumbers.portedAt,
        trackingSource: trackingSources.name,
        accountName: accounts.name,
      })
      .from(portRequestNumbers)
      .innerJoin(accounts, eq(accounts.id, portRequestNumbers.targetAccountId))
      .leftJoin(trackingSources, eq(trackingSources.id, portRequestNumbers.trackingSourceId))
      .where(eq(portRequestNumbers.portRequestId, requestId))
      .orderBy(asc(portRequestNumbers.position)),
    db
      .select()
      .from(loaSignatures)
      .where(and(eq(loaSignatures.portRequestId, requestId), isNull(loaSignatures.voidedAt)))
      .orderBy(desc(loaSignatures.signedAt))
      .limit(1),
    db.select().from(proofFiles).where(eq(proofFiles.portRequestId, requestId)).orderBy(asc(proofFiles.uploadedAt)),
    readEvents(db, actor, requestId, { timeZone }),
    db
      .select({ noteCount: sql<number>`count(*)::int` })
      .from(portRequestNotes)
      .where(and(eq(portRequestNotes.portRequestId, requestId), eq(portRequestNotes.visibility, 'public'))),
    db
      .select({ reasons: changeRequests.reasons, note: changeRequests.note, createdAt: changeRequests.createdAt })
      .from(changeRequests)
      .where(and(eq(changeRequests.portRequestId, requestId), isNull(changeRequests.resolvedAt)))
      .orderBy(desc(changeRequests.createdAt))
      .limit(1),
  ]);
  return { request: { ...fields, hasPin: !!accountPinCiphertext }, accountName: account.name, numbers, loa: loa ?? null, proofs, events, noteCount, openChanges: openChanges ?? null, timeZone: timeZone ?? 'UTC' };
}

export type PortRequestDetail = Awaited<ReturnType<typeof getPortRequestDetail>>;
