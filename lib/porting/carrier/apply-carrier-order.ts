import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { carrierOrders, changeRequests, portRequests, trackingNumbers } from '@/db/schema';
import type { CarrierOrder } from '@/lib/carrier/porting-carrier';
import { recordEvent } from '../events/record-event';
import { CLOSED_CARRIER_ORDER_STATUSES, canTransition, canTransitionNumber } from '../lifecycle/statuses';
import { numbersOfRequest, transitionNumbers } from '../lifecycle/transition-numbers';
import { transitionRequest } from '../lifecycle/transition-request';
import type { PortRequest } from '../port-request-access';
import { CHANGE_REASONS } from '../review/change-reasons';
import { portNumbers } from '../review/port-numbers';
import { activateSms } from '../review/sms-activation';
import { addCarrierNote } from './carrier-note';
import type { CarrierOrderRow } from './carrier-orders';
import { reasonForException } from './exception-reasons';
import { takeReviewSnapshot } from '../review/review-snapshot';

const via = 'carrier' as const;

/**
 * Brings our side in step with the carrier's order as it is now. State-based: what changed is
 * found by comparing the carrier's order with the stored row (and the request), so a webhook, its
 * replay and the reconciliation job all land on the same state and each change acts once. In the
 * caller's transaction; locks the request.
 */
export async function applyCarrierOrder(tx: Transaction, row: CarrierOrderRow, order: CarrierOrder, now: Date): Promise<CarrierOrderRow> {
  const [locked] = await tx.select().from(portRequests).where(eq(portRequests.id, row.portRequestId)).for('update');
  let request: PortRequest = locked;
  const orderNumbers = order.numbers.length ? order.numbers : row.numbers;
  const focConfirmedAt = order.focConfirmedAt ? new Date(order.focConfirmedAt) : null;

  // The carrier confirmed a port date, or moved it: the request is scheduled as the team would.
  if (order.status === 'foc-date-confirmed' && focConfirmedAt && (row.status !== order.status || row.focConfirmedAt?.getTime() !== focConfirmedAt.getTime())) {
    const sameDate = request.focDate?.getTime() === focConfirmedAt.getTime();
    if (canTransition(request.status, 'scheduled') && !(request.status === 'scheduled' && sameDate)) {
      request = await transitionRequest(tx, {
        request,
        to: 'scheduled',
        actor: null,
        fields: { focDate: focConfirmedAt },
        at: now,
        event: { focDate: focConfirmedAt.toISOString(), previous: request.focDate?.toISOString(), via },
      });
      const numbers = (await numbersOfRequest(tx, request.id)).filter((n) => orderNumbers.includes(n.number) && canTransitionNumber(n.status, 'scheduled'));
      await transitionNumbers(tx, numbers, 'scheduled');
    }
  }

  if (order.status === 'exception' && (row.status !== 'exception' || !sameExceptions(row.exceptions, order.exceptions))) {
    request = await raiseException(tx, request, row, order, now);
  }

  if (order.status === 'ported' && row.status !== 'ported') {
    const numbers = (await numbersOfRequest(tx, request.id)).filter((n) => orderNumbers.includes(n.number) && canTransitionNumber(n.status, 'ported'));
    if (numbers.length) {
      await portNumbers(tx, { request, numbers, actor: null, now, via });
    }
  }

  // Messaging ported at the carrier: texts work now, whatever the timer said (it then finds nothing to do).
  if (order.messagingStatus === 'ported') {
    const waiting = await tx
      .select({ id: trackingNumbers.id })
      .from(trackingNumbers)
      .where(and(eq(trackingNumbers.portRequestId, row.portRequestId), inArray(trackingNumbers.number, orderNumbers), eq(trackingNumbers.smsStatus, 'pending')));
    await activateSms(tx, { portRequestId: row.portRequestId, trackingNumberIds: waiting.map((w) => w.id) }, now, null, via);
  }

  if (order.status === 'cancelled' && row.status !== 'cancelled') {
    await recordEvent(tx, { requestId: row.portRequestId, actor: null, at: now }, { type: 'carrier_order_cancelled', externalId: order.id, via });
    const [current] = await tx.select({ status: portRequests.status }).from(portRequests).where(eq(portRequests.id, row.portRequestId));
    if (canTransition(current.status, 'cancelled')) {
      await addCarrierNote(tx, row.portRequestId, `The carrier cancelled order ${order.id} although the request is still open. Find out why, then submit to the carrier again or decide by hand.`, now, { fromCarrier: true });
    }
  }

  const closes = CLOSED_CARRIER_ORDER_STATUSES.includes(order.status);
  const [updated] = await tx
    .update(carrierOrders)
    .set({
      status: order.status,
      exceptions: order.status === 'exception' ? order.exceptions : [],
      numbers: orderNumbers,
      supportKey: order.supportKey ?? row.supportKey,
      focRequestedAt: order.focRequestedAt ? new Date(order.focRequestedAt) : row.focRequestedAt,
      focConfirmedAt: focConfirmedAt ?? row.focConfirmedAt,
      fastPortEligible: order.fastPortEligible,
      messagingStatus: order.messagingStatus ?? row.messagingStatus,
      lastSyncedAt: now,
      lastError: null,
      closedAt: closes ? (row.closedAt ?? now) : null,
      updatedAt: now,
    })
    .where(eq(carrierOrders.id, row.id))
    .returning();
  return updated;
}

/**
 * The carrier's exceptions: those the customer can fix become a change request (source 'carrier')
 * and the request goes to changes needed; the others reach the team only, in an internal note.
 */
async function raiseException(tx: Transaction, request: PortRequest, row: CarrierOrderRow, order: CarrierOrder, now: Date): Promise<PortRequest> {
  const forCustomer = [...new Set(order.exceptions.map((e) => reasonForException(e.code)).filter((r) => r !== null))];
  const teamOnly = order.exceptions.filter((e) => reasonForException(e.code) === null);
  await recordEvent(
    tx,
    { requestId: request.id, actor: null, at: now },
    { type: 'carrier_exception', via, externalId: order.id, exceptions: order.exceptions, forCustomer, teamOnly: teamOnly.map((e) => e.code) },
  );
  if (teamOnly.length) {
    const listed = teamOnly.map((e) => `${e.code}${e.description ? ` (${e.description})` : ''}`).join('; ');
    await addCarrierNote(
      tx,
      request.id,
      `The carrier raised an exception on order ${order.id} that only our team can resolve: ${listed}. The customer was not told. Work it out with the carrier (comments, a corrected order), or reject the numbers concerned.`,
      now,
      { fromCarrier: true },
    );
  }
  if (forCustomer.length === 0 || !canTransition(request.status, 'changes_needed')) return request;
  const reasons = forCustomer.map((code) => ({ code }));
  await tx.insert(changeRequests).values({ portRequestId: request.id, reasons, requestedByUserId: null, source: 'carrier', createdAt: now, reviewSnapshot: await takeReviewSnapshot(tx, request.id) });
  const labels = forCustomer.map((code) => CHANGE_REASONS[code].label).join('; ');
  await addCarrierNote(tx, request.id, `The carrier raised ${order.exceptions.map((e) => e.code).join(', ')} on order ${order.id}; the customer was asked to fix: ${labels}. Their resubmission goes straight back to the carrier.`, now, { fromCarrier: true });
  return transitionRequest(tx, { request, to: 'changes_needed', actor: null, at: now, event: { reasons, via } });
}

function sameExceptions(a: readonly { code: string }[], b: readonly { code: string }[]): boolean {
  const codes = (list: readonly { code: string }[]) => [...new Set(list.map((e) => e.code))].sort().join(',');
  return codes(a) === codes(b);
}
