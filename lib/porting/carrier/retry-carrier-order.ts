import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { carrierOrders, scheduledJobs } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { StateError } from '@/lib/errors';
import { kickJobs } from '@/lib/jobs/job-worker';
import { findRequestForStaff } from '../review/staff-request';
import { FAILED, openCarrierOrders, QUEUED } from './carrier-orders';
import { PLACE_CARRIER_ORDER_JOB, placeJobKey, type PlaceCarrierOrderPayload } from './place-carrier-order';

/**
 * "Retry" in the carrier panel: a placement the carrier refused (failed) or that is still waiting
 * out its backoff (queued) is tried again now, its attempts counted afresh.
 */
export async function retryCarrierOrder(db: Database, actor: Actor, requestId: string, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    await findRequestForStaff(tx, actor, requestId);
    const stalled = (await openCarrierOrders(tx, requestId)).filter((o) => !o.externalId && (o.status === FAILED || o.status === QUEUED));
    if (stalled.length === 0) throw new StateError('No carrier order of this request is waiting to be placed.');
    for (const row of stalled) {
      await tx.update(carrierOrders).set({ status: QUEUED, lastError: null, updatedAt: now }).where(eq(carrierOrders.id, row.id));
      const payload: PlaceCarrierOrderPayload = { carrierOrderId: row.id };
      await tx
        .insert(scheduledJobs)
        .values({ kind: PLACE_CARRIER_ORDER_JOB, payload, runAt: now, dedupeKey: placeJobKey(row.id) })
        .onConflictDoUpdate({ target: scheduledJobs.dedupeKey, set: { status: 'pending', runAt: now, attempts: 0, lastError: null, lockedUntil: null, finishedAt: null } });
    }
  });
  kickJobs();
}
