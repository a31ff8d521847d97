import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { alternateRoutings, loaSignatures, portRequestNumbers, portRequests, proofFiles } from '@/db/schema';
import { numberGroupOf, type NumberGroup } from '../estimate';
import type { PortRequest } from '../port-request-access';

const GROUP_ORDER: NumberGroup[] = ['us_local', 'ca_local', 'toll_free'];

/**
 * Carriers handle US local, Canadian and toll-free ports separately. A draft mixing them becomes
 * one request per group at submission, linked as siblings; each shares the signed LOA and proof.
 * Returns the requests as they now are, the draft's own first.
 */
export async function splitByNumberGroup(tx: Transaction, draft: PortRequest): Promise<{ request: PortRequest; group: NumberGroup }[]> {
  const numbers = await tx
    .select({ id: portRequestNumbers.id, number: portRequestNumbers.number, country: portRequestNumbers.country, isTollFree: portRequestNumbers.isTollFree })
    .from(portRequestNumbers)
    .where(eq(portRequestNumbers.portRequestId, draft.id));
  const byGroup = new Map<NumberGroup, string[]>();
  const numbersOf = new Map<NumberGroup, string[]>();
  for (const n of numbers) {
    const group = numberGroupOf(n);
    byGroup.set(group, [...(byGroup.get(group) ?? []), n.id]);
    numbersOf.set(group, [...(numbersOf.get(group) ?? []), n.number]);
  }
  const groups = GROUP_ORDER.filter((g) => byGroup.has(g));
  const siblingGroupId = groups.length > 1 ? draft.id : null;

  const [first, ...rest] = groups;
  const [own] = await tx.update(portRequests).set({ numberGroup: first, siblingGroupId }).where(eq(portRequests.id, draft.id)).returning();
  const result = [{ request: own, group: first }];

  const signatures = await tx.select().from(loaSignatures).where(eq(loaSignatures.portRequestId, draft.id));
  const proofs = await tx.select().from(proofFiles).where(eq(proofFiles.portRequestId, draft.id));
  for (const group of rest) {
    // A new request starts as every request does (a draft, version 1); submitting moves it on.
    const { id: _id, createdAt: _createdAt, status: _status, version: _version, ...fields } = draft;
    const [sibling] = await tx
      .insert(portRequests)
      .values({ ...fields, numberGroup: group, siblingGroupId })
      .returning();
    await tx.update(portRequestNumbers).set({ portRequestId: sibling.id }).where(inArray(portRequestNumbers.id, byGroup.get(group)!));
    // The alternate routings travel with the numbers they are for, or the sibling would port without them.
    await tx
      .update(alternateRoutings)
      .set({ portRequestId: sibling.id })
      .where(and(eq(alternateRoutings.portRequestId, draft.id), inArray(alternateRoutings.portingNumber, numbersOf.get(group)!)));
    if (signatures.length) {
      await tx.insert(loaSignatures).values(signatures.map(({ id: _sid, ...s }) => ({ ...s, portRequestId: sibling.id })));
    }
    if (proofs.length) {
      await tx.insert(proofFiles).values(proofs.map(({ id: _pid, ...p }) => ({ ...p, portRequestId: sibling.id })));
    }
    result.push({ request: sibling, group });
  }
  return result;
}
