import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { alternateRoutings, loaSignatures, portRequestNumbers, portRequests, proofFiles } from '@/db/schema';
import type { NumberGroup } from '../estimate';
import type { PortRequest } from '../port-request-access';
import { planSplit } from './plan-split';

/**
 * Carriers handle US local, Canadian and toll-free ports separately, and each losing carrier takes
 * its own order. A draft mixing them becomes one request per (group, current carrier) at
 * submission (lib/porting/submission/plan-split.ts), linked as siblings; each shares the signed LOA
 * and proof, and a sibling's losing carrier is the carrier named for its numbers. Returns the
 * requests as they now are, the draft's own first.
 */
export async function splitByNumberGroup(tx: Transaction, draft: PortRequest): Promise<{ request: PortRequest; group: NumberGroup; losingCarrier: string | null }[]> {
  const numbers = await tx
    .select({
      id: portRequestNumbers.id,
      number: portRequestNumbers.number,
      country: portRequestNumbers.country,
      isTollFree: portRequestNumbers.isTollFree,
      currentCarrier: portRequestNumbers.currentCarrier,
    })
    .from(portRequestNumbers)
    .where(eq(portRequestNumbers.portRequestId, draft.id));
  const parts = planSplit(numbers, draft.losingCarrier);
  const siblingGroupId = parts.length > 1 ? draft.id : null;

  const [first, ...rest] = parts;
  // Alone, the draft keeps the carrier the customer entered (the one on the signed letter).
  const ownCarrier = parts.length > 1 ? first.losingCarrier : draft.losingCarrier;
  const [own] = await tx
    .update(portRequests)
    .set({ numberGroup: first.group, siblingGroupId, losingCarrier: ownCarrier })
    .where(eq(portRequests.id, draft.id))
    .returning();
  const result = [{ request: own, group: first.group, losingCarrier: own.losingCarrier }];

  const signatures = await tx.select().from(loaSignatures).where(eq(loaSignatures.portRequestId, draft.id));
  const proofs = await tx.select().from(proofFiles).where(eq(proofFiles.portRequestId, draft.id));
  for (const part of rest) {
    // A new request starts as every request does (a draft, version 1, a reference of its own);
    // submitting moves it on.
    const { id: _id, reference: _reference, createdAt: _createdAt, status: _status, version: _version, ...fields } = draft;
    const [sibling] = await tx
      .insert(portRequests)
      .values({ ...fields, numberGroup: part.group, siblingGroupId, losingCarrier: part.losingCarrier })
      .returning();
    await tx
      .update(portRequestNumbers)
      .set({ portRequestId: sibling.id })
      .where(inArray(portRequestNumbers.id, part.numbers.map((n) => n.id)));
    // The alternate routings travel with the numbers they are for, or the sibling would port without them.
    await tx
      .update(alternateRoutings)
      .set({ portRequestId: sibling.id })
      .where(and(eq(alternateRoutings.portRequestId, draft.id), inArray(alternateRoutings.portingNumber, part.numbers.map((n) => n.number))));
    if (signatures.length) {
      await tx.insert(loaSignatures).values(signatures.map(({ id: _sid, ...s }) => ({ ...s, portRequestId: sibling.id })));
    }
    if (proofs.length) {
      await tx.insert(proofFiles).values(proofs.map(({ id: _pid, ...p }) => ({ ...p, portRequestId: sibling.id })));
    }
    result.push({ request: sibling, group: part.group, losingCarrier: part.losingCarrier });
  }
  return result;
}
