import 'server-only';
import type { Database } from '@/db/client';
import { portRequests } from '@/db/schema';
import { canUseAccount, type Actor } from '@/lib/auth/actor';
import { NotFoundError } from '@/lib/errors';
import { recordEvent } from '../events/record-event';

/** "Create Port Request": a draft in the account currently selected, where the numbers will live. */
export async function createPortRequestDraft(db: Database, actor: Actor, accountId: string): Promise<string> {
  if (actor.isStaff || !canUseAccount(actor, accountId)) throw new NotFoundError('That account');
  return db.transaction(async (tx) => {
    const [request] = await tx.insert(portRequests).values({ accountId, createdByUserId: actor.userId }).returning({ id: portRequests.id });
    await recordEvent(tx, { requestId: request.id, actor }, { type: 'draft_created' });
    return request.id;
  });
}
