import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { portRequests } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { NotFoundError } from '@/lib/errors';

export type PortRequest = typeof portRequests.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Loads a request only if the actor may see it: staff see every request, account users those of
 * the accounts they may use. Anything else is "not found", never "forbidden". Who may edit a
 * request in the wizard is lib/porting/wizard/editable-draft.
 */
export async function findPortRequest(db: Queryable, actor: Actor, requestId: string, options: { forUpdate?: boolean } = {}): Promise<PortRequest> {
  if (!UUID.test(requestId)) throw new NotFoundError('That port request');
  const accountIds = actor.accounts.map((a) => a.id);
  if (!actor.isStaff && accountIds.length === 0) throw new NotFoundError('That port request');
  const scope = actor.isStaff ? eq(portRequests.id, requestId) : and(eq(portRequests.id, requestId), inArray(portRequests.accountId, accountIds));
  const query = db.select().from(portRequests).where(scope).limit(1);
  const [request] = options.forUpdate ? await query.for('update') : await query;
  if (!request) throw new NotFoundError('That port request');
  return request;
}
