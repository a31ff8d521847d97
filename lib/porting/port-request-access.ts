import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { portRequests } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { NotFoundError, StateError } from '@/lib/errors';

export type PortRequest = typeof portRequests.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Loads a request only if the actor may see it: staff see every request, account users those of
 * the accounts they may use. Anything else is "not found", never "forbidden".
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

/** A customer's draft, locked for the rest of the transaction; a submitted request is read-only for them. */
export async function findEditableDraft(db: Queryable, actor: Actor, requestId: string): Promise<PortRequest> {
  const request = await findPortRequest(db, actor, requestId, { forUpdate: true });
  if (actor.isStaff || !actor.accounts.some((a) => a.id === request.accountId)) throw new NotFoundError('That port request');
  if (request.status !== 'draft') {
    throw new StateError('This request has been sent to our team and can no longer be edited here. Open it from Port Numbers to follow it.');
  }
  return request;
}

export function withStep(completed: readonly string[], step: string): string[] {
  return completed.includes(step) ? [...completed] : [...completed, step];
}
