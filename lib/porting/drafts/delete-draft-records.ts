import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { loaSignatures, portRequestEvents, portRequests, proofFiles } from '@/db/schema';

/**
 * Deletes a draft with its numbers, letters and proof rows, in the caller's transaction, and
 * answers the storage keys of the files it made (signed LOAs, their snapshots, proof), which the
 * caller deletes once this commits. Its events go too, but for those of the account (portability
 * checks, the removal itself): they stay, with no request, for the account's limits and audit.
 */
export async function deleteDraftRecords(tx: Transaction, requestId: string): Promise<string[]> {
  const letters = await tx.select({ pdfKey: loaSignatures.pdfKey, snapshotKey: loaSignatures.snapshotKey }).from(loaSignatures).where(eq(loaSignatures.portRequestId, requestId));
  const proof = await tx.select({ key: proofFiles.storageKey }).from(proofFiles).where(eq(proofFiles.portRequestId, requestId));
  await tx.delete(portRequestEvents).where(and(eq(portRequestEvents.portRequestId, requestId), isNull(portRequestEvents.accountId)));
  await tx.delete(portRequests).where(eq(portRequests.id, requestId));
  return [...letters.flatMap((l) => [l.pdfKey, l.snapshotKey]), ...proof.map((p) => p.key)];
}
