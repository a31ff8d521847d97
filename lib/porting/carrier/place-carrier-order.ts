import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { carrierOrders, portRequests } from '@/db/schema';
import { getCarrier } from '@/lib/carrier/get-carrier';
import { type CarrierOrder, isCarrierError } from '@/lib/carrier/porting-carrier';
import { StateError } from '@/lib/errors';
import { recordEvent } from '../events/record-event';
import { isAtCarrier } from '../lifecycle/statuses';
import { applyCarrierOrder } from './apply-carrier-order';
import { addCarrierNote } from './carrier-note';
import { lockCarrierOrder, QUEUED, FAILED, type CarrierOrderRow } from './carrier-orders';
import { buildOrderInput } from './order-input';

export const PLACE_CARRIER_ORDER_JOB = 'carrier-place-order';
export type PlaceCarrierOrderPayload = { carrierOrderId: string };

/** The job's dedupe key: one placing job per carrier order (retryCarrierOrder re-arms it). */
export const placeJobKey = (carrierOrderId: string) => `${PLACE_CARRIER_ORDER_JOB}:${carrierOrderId}`;

/**
 * The job that places a queued carrier order: the request's details, the signed LOA and the bill go
 * to the carrier, which answers with its order(s). The carrier down (a retryable CarrierError):
 * nothing is written and the error is rethrown, so the job backs off and tries again (its attempts
 * and error are the team's to see in the carrier panel); placing again with the same reference
 * finds what the first try created. Refused: the row is failed, the team told in an internal note.
 */
export async function placeCarrierOrder(tx: Transaction, payload: PlaceCarrierOrderPayload, now: Date): Promise<void> {
  const carrier = await getCarrier();
  if (!carrier) return; // manual mode since: the team decides by hand
  const row = await lockCarrierOrder(tx, payload.carrierOrderId);
  if (!row || row.status !== QUEUED || row.closedAt) return;
  const [request] = await tx.select().from(portRequests).where(eq(portRequests.id, row.portRequestId)).for('update');
  if (!isAtCarrier(request.status)) {
    // Cancelled, completed or sent back to the customer before the carrier had it: nothing to place.
    await tx.update(carrierOrders).set({ status: 'cancelled', lastError: 'Not placed: the request was no longer approved.', closedAt: now, updatedAt: now }).where(eq(carrierOrders.id, row.id));
    return;
  }

  let orders: CarrierOrder[];
  try {
    orders = await carrier.placeOrder(await buildOrderInput(tx, request, row));
  } catch (error) {
    const refused = (isCarrierError(error) && !error.retryable) || error instanceof StateError;
    if (!refused) throw error;
    await tx.update(carrierOrders).set({ status: FAILED, lastError: error.message, updatedAt: now }).where(eq(carrierOrders.id, row.id));
    await recordEvent(tx, { requestId: row.portRequestId, actor: null, at: now }, { type: 'carrier_order_failed', error: error.message });
    await addCarrierNote(tx, row.portRequestId, `The carrier refused the order: ${error.message} Correct what it says, then choose "Retry" in the carrier panel (or schedule and mark ported by hand).`, now);
    return;
  }

  const placed: { externalId: string; supportKey?: string; numbers: string[] }[] = [];
  for (const [i, order] of orders.entries()) {
    const target = i === 0 ? row : await rowForSplit(tx, row, order, now);
    const [withId] = await tx
      .update(carrierOrders)
      .set({ externalId: order.id, supportKey: order.supportKey ?? null, placedAt: target.placedAt ?? now, lastError: null, numbers: order.numbers.length ? order.numbers : target.numbers, updatedAt: now })
      .where(eq(carrierOrders.id, target.id))
      .returning();
    await applyCarrierOrder(tx, withId, order, now);
    placed.push({ externalId: order.id, ...(order.supportKey ? { supportKey: order.supportKey } : {}), numbers: order.numbers });
  }
  await recordEvent(tx, { requestId: row.portRequestId, actor: null, at: now }, { type: 'carrier_order_placed', via: 'carrier', orders: placed });
}

/** A further order of a split: a row of its own (found again, not added twice, if it exists). */
async function rowForSplit(tx: Transaction, first: CarrierOrderRow, order: CarrierOrder, now: Date): Promise<CarrierOrderRow> {
  const [existing] = await tx.select().from(carrierOrders).where(and(eq(carrierOrders.carrier, first.carrier), eq(carrierOrders.externalId, order.id)));
  if (existing) return existing;
  const [created] = await tx
    .insert(carrierOrders)
    .values({ portRequestId: first.portRequestId, carrier: first.carrier, numbers: order.numbers, status: QUEUED, requestedByUserId: first.requestedByUserId, focRequestedAt: first.focRequestedAt, createdAt: now, updatedAt: now })
    .returning();
  return created;
}
