import 'server-only';
import type { Database } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { findEditableDraft } from '../wizard/editable-draft';
import { appStorage, type ObjectStore } from '../wizard/object-store';
import { discardStoredProof, recordProofFiles, storeProof, type ProofUpload } from './store-proof';

/**
 * Proof of ownership added to a request without sending it (the API's upload; the proof step's
 * form uploads and submits in one go, through submitPortRequest). The same checks (storeProof) and
 * the same rule for who may add it (a draft, or the proof step reopened by the team); the files are
 * stored first, then recorded, and removed again if the request cannot take them.
 */
export async function uploadProofFiles(db: Database, actor: Actor, requestId: string, uploads: ProofUpload[], storage: ObjectStore = appStorage): Promise<void> {
  // Before anything is uploaded: the actor may add proof to this request now.
  await db.transaction((tx) => findEditableDraft(tx, actor, requestId, 'proof'));
  const stored = await storeProof(requestId, uploads, storage);
  try {
    await db.transaction(async (tx) => {
      await findEditableDraft(tx, actor, requestId, 'proof');
      await recordProofFiles(tx, actor, requestId, stored);
    });
  } catch (error) {
    await discardStoredProof(stored, storage);
    throw error;
  }
}
