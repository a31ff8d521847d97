import 'server-only';
import { and, inArray, ne } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { portRequests } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { NotFoundError, StateError } from '@/lib/errors';
import { startReview } from '../review/decide';

/** A request ticked on the queue, with the version the page showed (the same check as the single button). */
export type PickedRequest = { requestId: string; version: number };

export type BulkOutcome = {
  started: { requestId: string; name: string }[];
  refused: { requestId: string; name: string; reason: string }[];
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** At most one page of the queue at a time. */
export const BULK_LIMIT = 100;

/**
 * "Start review" for every ticked request, each through the single decision's own service (the
 * status machine and the version checked, in a transaction of its own): one refusal does not stop
 * the others, and each refusal comes back with its reason.
 */
export async function bulkStartReview(db: Database, actor: Actor, picked: PickedRequest[], now = new Date()): Promise<BulkOutcome> {
  if (!actor.isStaff) throw new NotFoundError('That page');
  if (picked.length > BULK_LIMIT) throw new StateError(`Tick at most ${BULK_LIMIT} requests at a time.`);
  const ids = picked.map((p) => p.requestId).filter((id) => UUID.test(id));
  // Names of what the console may show: a draft is the customer's own until sent.
  const names = new Map(
    ids.length
      ? (await db.select({ id: portRequests.id, name: portRequests.customerName }).from(portRequests).where(and(inArray(portRequests.id, ids), ne(portRequests.status, 'draft')))).map((r) => [
          r.id,
          r.name ?? 'Unnamed request',
        ])
      : [],
  );
  const outcome: BulkOutcome = { started: [], refused: [] };
  for (const { requestId, version } of picked) {
    const name = names.get(requestId) ?? 'A request that was not found';
    if (!UUID.test(requestId)) {
      outcome.refused.push({ requestId, name, reason: 'It was not found.' });
      continue;
    }
    try {
      await startReview(db, actor, requestId, version, now);
      outcome.started.push({ requestId, name });
    } catch (error) {
      if (error instanceof NotFoundError) outcome.refused.push({ requestId, name, reason: 'It was not found.' });
      else if (error instanceof StateError) outcome.refused.push({ requestId, name, reason: error.message });
      else throw error;
    }
  }
  return outcome;
}
