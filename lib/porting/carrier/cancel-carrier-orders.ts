import 'server-only';
import { eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { carrierOrders } from '@/db/schema';
import { getCarrier } from '@/lib/carrier/get-carrier';
import { isCarrierError } from '@/lib/carrier/porting-carrier';
import { scheduleJob } from '@/lib/jobs/run-due-jobs';
import { applyCarrierOrder } from './apply-carrier-order';
import { addCarrierNote } from './carrier-note';
import { lockCarrierOrder, openCarrierOrders } from './carrier-orders';

export const CANCEL_CARRIER_ORDER_JOB = 'carrier-cancel-order';
export type CancelCarrierOrderPayload = { carrierOrderId: string };

/**
 * The request was cancelled: its orders at the carrier are cancelled too, by a job (retried while
 * the carrier is down); an order not placed yet is simply closed. In the cancelling transaction.
 * True when a job was queued (the caller kicks the worker after commit).
 */
export async function cancelAtCarrier(tx: Transaction, requestId: string, now: Date): Promise<boolean> {
  let queued = false;
  for (const row of await openCarrierOrders(tx, requestId)) {
    if (!row.externalId) {
      await tx.update(carrierOrders).set({ status: 'cancelled', closedAt: now, updatedAt: now }).where(eq(carrierOrders.id, row.id));
      continue;
    }
    const payload: CancelCarrierOrderPayload = { carrierOrderId: row.id };
    await scheduleJob(tx, { kind: CANCEL_CARRIER_ORDER_JOB, payload, runAt: now, dedupeKey: `${CANCEL_CARRIER_ORDER_JOB}:${row.id}` });
    queued = true;
  }
  return queued;
}

/** The job: asks the carrier to cancel the order and applies its answer (cancelled, or cancel-pending until it is). */
export async function cancelCarrierOrder(tx: Transaction, payload: CancelCarrierOrderPayload, now: Date): Promise<void> {
  const carrier = await getCarrier();
  if (!carrier) return;
  const row = await lockCarrierOrder(tx, payload.carrierOrderId);
  if (!row?.externalId || row.closedAt) return;
  try {
    await applyCarrierOrder(tx, row, await carrier.cancel(row.externalId), now);
  } catch (error) {
    if (!(isCarrierError(error)) || error.retryable) throw error; // down: the job backs off and tries again
    await tx.update(carrierOrders).set({ lastError: error.message, updatedAt: now }).where(eq(carrierOrders.id, row.id));
    await addCarrierNote(tx, row.portRequestId, `The request was cancelled but the carrier refused to cancel order ${row.externalId}: ${error.message} Cancel it in the carrier's portal.`, now);
  }
}
