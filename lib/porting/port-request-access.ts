import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { portRequests } from '@/db/schema';
import { stepsOpenedBy } from './review/change-reasons';
import { findOpenChangeRequest } from './review/open-change-request';
import type { WizardStepKey } from './wizard-steps';
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

/**
 * A customer's request open for editing, locked for the rest of the transaction: a draft, or a
 * request the team sent back with changes needed, and then only in the steps its reasons open.
 * A submitted request is otherwise read-only for the customer.
 */
export async function findEditableDraft(db: Queryable, actor: Actor, requestId: string, step?: WizardStepKey): Promise<PortRequest> {
  const request = await findPortRequest(db, actor, requestId, { forUpdate: true });
  if (actor.isStaff || !actor.accounts.some((a) => a.id === request.accountId)) throw new NotFoundError('That port request');
  if (request.status === 'draft') return request;
  if (request.status === 'changes_needed') {
    const open = await stepsOpenForFixing(db, requestId);
    if (!step || open.includes(step)) return request;
    throw new StateError('Our team did not ask for a change here. Fix the items listed on the request page, then resubmit.');
  }
  throw new StateError('This request has been sent to our team and can no longer be edited here. Open it from Port Numbers to follow it.');
}

/** The steps the latest open change request lets the customer edit. */
export async function stepsOpenForFixing(db: Queryable, requestId: string): Promise<WizardStepKey[]> {
  const latest = await findOpenChangeRequest(db, requestId);
  return latest ? stepsOpenedBy(latest.reasons.map((r) => r.code)) : ['loa', 'proof'];
}

export function withStep(completed: readonly string[], step: string): string[] {
  return completed.includes(step) ? [...completed] : [...completed, step];
}
