import 'server-only';
import type { Database } from '@/db/client';
import { carrierOrders } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { getCarrier } from '@/lib/carrier/get-carrier';
import { StateError } from '@/lib/errors';
import { kickJobs } from '@/lib/jobs/job-worker';
import { scheduleJob } from '@/lib/jobs/run-due-jobs';
import { recordEvent } from '../events/record-event';
import { canTransitionNumber } from '../lifecycle/statuses';
import { bumpVersion } from '../lifecycle/transition-request';
import { openDecision } from '../review/staff-request';
import { openCarrierOrders, QUEUED } from './carrier-orders';
import { scheduleReconciliation } from './reconcile-carrier-orders';
import { PLACE_CARRIER_ORDER_JOB, placeJobKey, type PlaceCarrierOrderPayload } from './place-carrier-order';

/**
 * "Submit to carrier": queues an order for the request's moving numbers and a job that places it
 * (retried while the carrier is down). From here the carrier's webhooks drive the request: FOC,
 * exceptions, ported, messaging; the team clicks nothing more on the happy path.
 */
export async function submitToCarrier(db: Database, actor: Actor, requestId: string, version: number, now = new Date()): Promise<void> {
  const carrier = await getCarrier();
  if (!carrier) throw new StateError('No carrier is configured here: set the port date and mark the numbers ported by hand.');
  await db.transaction(async (tx) => {
    const open = await openCarrierOrders(tx, requestId);
    const { request, numbers } = await openDecision(tx, actor, requestId, 'submit_to_carrier', version, { carrierConfigured: true, openCarrierOrder: open.length > 0 });
    const moving = numbers.filter((n) => canTransitionNumber(n.status, 'scheduled')).map((n) => n.number);
    const [row] = await tx
      .insert(carrierOrders)
      .values({
        portRequestId: requestId,
        carrier: carrier.name,
        status: QUEUED,
        numbers: moving,
        focRequestedAt: request.requestedPortDate ? new Date(`${request.requestedPortDate}T15:00:00Z`) : null,
        requestedByUserId: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: carrierOrders.id });
    await bumpVersion(tx, request, version, {}, now);
    await recordEvent(tx, { requestId, actor, at: now }, { type: 'carrier_order_queued', carrier: carrier.name, numbers: moving });
    const payload: PlaceCarrierOrderPayload = { carrierOrderId: row.id };
    await scheduleJob(tx, { kind: PLACE_CARRIER_ORDER_JOB, payload, runAt: now, dedupeKey: placeJobKey(row.id) });
    await scheduleReconciliation(tx, now);
  });
  kickJobs();
}
