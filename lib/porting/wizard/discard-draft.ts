import 'server-only';
import type { Database } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { StateError } from '@/lib/errors';
import { logFailure } from '@/lib/log';
import { deleteDraftRecords } from '../drafts/delete-draft-records';
import { findEditableDraft } from './editable-draft';
import { appStorage, type ObjectStore } from './object-store';

/**
 * A draft was never sent to anyone: discarding deletes it with its numbers, and then the files it
 * made (signed LOAs, their snapshots), which hold the customer's name and address.
 */
export async function discardDraft(db: Database, actor: Actor, requestId: string, storage: Pick<ObjectStore, 'deleteObject'> = appStorage): Promise<void> {
  const keys = await db.transaction(async (tx) => {
    const request = await findEditableDraft(tx, actor, requestId);
    if (request.status !== 'draft') throw new StateError('A request sent to our team cannot be discarded; cancel it from its page instead.');
    return deleteDraftRecords(tx, requestId);
  });
  // After the commit: a file whose delete fails is an orphan nothing points at, never a record without its file.
  const results = await Promise.allSettled(keys.map((key) => storage.deleteObject(key)));
  for (const r of results) if (r.status === 'rejected') logFailure('discard draft files', r.reason);
}
