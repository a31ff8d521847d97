import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { loaSignatureRequests } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { StateError } from '@/lib/errors';
import { recordEvent } from '../../../events/record-event';
import { findEditableDraft } from '../../editable-draft';
import { latestSignatureRequest, summarize, type SignatureRequestSummary } from './link-state';

/** "Cancel request": the link waiting for a signature stops working at once. */
export async function revokeLoaSignatureRequest(db: Database, actor: Actor, requestId: string, now = new Date()): Promise<SignatureRequestSummary> {
  return db.transaction(async (tx) => {
    await findEditableDraft(tx, actor, requestId, 'loa');
    const latest = await latestSignatureRequest(tx, requestId, { forUpdate: true });
    const state = latest && summarize(latest, now).state;
    if (!latest || (state !== 'waiting' && state !== 'expired')) throw new StateError('No signature request is waiting to be cancelled.');
    const [row] = await tx.update(loaSignatureRequests).set({ revokedAt: now }).where(eq(loaSignatureRequests.id, latest.id)).returning();
    await recordEvent(tx, { requestId, actor, at: now }, { type: 'loa_signature_revoked', signerName: row.signerName, signerEmail: row.signerEmail });
    return summarize(row, now);
  });
}
