import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { portRequests } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { findEditableDraft } from '../port-request-access';

/** A draft was never sent to anyone: discarding deletes it with its numbers and files' references. */
export async function discardDraft(db: Database, actor: Actor, requestId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await findEditableDraft(tx, actor, requestId);
    await tx.delete(portRequests).where(eq(portRequests.id, requestId));
  });
}
