import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { loaSignatures, portRequestEvents, portRequests, proofFiles } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { StateError } from '@/lib/errors';
import { logFailure } from '@/lib/log';
import { findEditableDraft } from './editable-draft';
import { appStorage, type ObjectStore } from './object-store';

/**
 * A draft was never sent to anyone: discarding deletes it with its numbers, and then the files it
 * made (signed LOAs, their snapshots), which hold the customer's name and address. Its events go
 * too, but for those of the account (portability checks): they stay, with no request, to count
 * against the account's hourly limit.
 */
export async function discardDraft(db: Database, actor: Actor, requestId: string, storage: Pick<ObjectStore, 'deleteObject'> = appStorage): Promise<void> {
  const keys = await db.transaction(async (tx) => {
    const request = await findEditableDraft(tx, actor, requestId);
    if (request.status !== 'draft') throw new StateError('A request sent to our team cannot be discarded; cancel it from its page instead.');
    const letters = await tx.select({ pdfKey: loaSignatures.pdfKey, snapshotKey: loaSignatures.snapshotKey }).from(loaSignatures).where(eq(loaSignatures.portRequestId, requestId));
    const proof = await tx.select({ key: proofFiles.storageKey }).from(proofFiles).where(eq(proofFiles.portRequestId, requestId));
    await tx.delete(portRequestEvents).where(and(eq(portRequestEvents.portRequestId, requestId), isNull(portRequestEvents.accountId)));
    await tx.delete(portRequests).where(eq(portRequests.id, requestId));
    return [...letters.flatMap((l) => [l.pdfKey, l.snapshotKey]), ...proof.map((p) => p.key)];
  });
  // After the commit: a file whose delete fails is an orphan nothing points at, never a record without its file.
  const results = await Promise.allSettled(keys.map((key) => storage.deleteObject(key)));
  for (const r of results) if (r.status === 'rejected') logFailure('discard draft files', r.reason);
}
