import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { portRequests } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { StateError } from '@/lib/errors';
import { findEditableDraft } from '../port-request-access';

/** A draft was never sent to anyone: discarding deletes it with its numbers and files' references. */
export async function discardDraft(db: Database, actor: Actor, requestId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const request = await findEditableDraft(tx, actor, requestId);
    if (request.status !== 'draft') throw new StateError('A request sent to our team cannot be discarded; cancel it from its page instead.');
    await tx.delete(portRequests).where(eq(portRequests.id, requestId));
  });
}
