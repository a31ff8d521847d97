import 'server-only';
import { and, desc, eq, gt } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { changeRequests, portRequests, proofFiles } from '@/db/schema';
import { getCarrier } from '@/lib/carrier/get-carrier';
import { type CarrierOrderUpdate, isCarrierError } from '@/lib/carrier/porting-carrier';
import { recordEvent } from '../events/record-event';
import { stepsOpenedBy } from '../review/change-reasons';
import { applyCarrierOrder } from './apply-carrier-order';
import { addCarrierNote } from './carrier-note';
import { openCarrierOrders } from './carrier-orders';
import { buildOrderInput, latestSignature } from './order-input';

export const UPDATE_CARRIER_ORDER_JOB = 'carrier-update-order';
export type UpdateCarrierOrderPayload = { portRequestId: string; changeRequestId: string };

/**
 * The job after the customer answered a carrier's change request: the fields the reasons opened
 * (and the LOA signed again, the new bill) go to the carrier's order in exception, which the carrier
 * checks again. Retried with backoff while the carrier is down; the team reads what was sent.
 */
export async function updateCarrierOrder(tx: Transaction, payload: UpdateCarrierOrderPayload, now: Date): Promise<void> {
  const carrier = await getCarrier();
  if (!carrier) return;
  const [request] = await tx.select().from(portRequests).where(eq(portRequests.id, payload.portRequestId)).for('update');
  const [change] = await tx.select().from(changeRequests).where(eq(changeRequests.id, payload.changeRequestId));
  if (!request || !change) return;
  const orders = (await openCarrierOrders(tx, request.id)).filter((o) => o.externalId && o.status === 'exception');
  if (orders.length === 0) return; // nothing waits at the carrier (cancelled, or decided by hand)

  const steps = stepsOpenedBy(change.reasons.map((r) => r.code));
  const signature = await latestSignature(tx, request.id);
  const resigned = !!signature && signature.signedAt > change.createdAt;
  const [newProof] = await tx
    .select({ id: proofFiles.id })
    .from(proofFiles)
    .where(and(eq(proofFiles.portRequestId, request.id), gt(proofFiles.uploadedAt, change.createdAt)))
    .orderBy(desc(proofFiles.uploadedAt))
    .limit(1);

  for (const order of orders) {
    const input = await buildOrderInput(tx, request, order);
    const update: CarrierOrderUpdate = {};
    if (steps.includes('customer')) {
      Object.assign(update, { accountHolder: input.accountHolder, accountNumber: input.accountNumber, pin: input.pin, billingTelephoneNumber: input.billingTelephoneNumber, portType: input.portType });
    }
    if (steps.includes('address')) update.serviceAddress = input.serviceAddress;
    if (resigned) Object.assign(update, { authorizedPerson: input.authorizedPerson, loa: input.loa });
    if (newProof) update.invoice = input.invoice;
    let answer;
    try {
      answer = await carrier.updateOrder(order.externalId!, update);
    } catch (error) {
      if (!(isCarrierError(error)) || error.retryable) throw error; // down: the job backs off and tries again
      await recordEvent(tx, { requestId: request.id, actor: null, at: now }, { type: 'carrier_order_failed', error: error.message });
      await addCarrierNote(tx, request.id, `The carrier refused the customer's corrections for order ${order.externalId}: ${error.message} Send them through the carrier's portal, or ask the customer for changes again.`, now);
      continue;
    }
    await applyCarrierOrder(tx, order, answer, now);
    // Field names only: the values (the PIN among them) stay out of the trail.
    const fields = Object.keys(update).filter((k) => update[k as keyof CarrierOrderUpdate] !== undefined);
    await recordEvent(tx, { requestId: request.id, actor: null, at: now }, { type: 'carrier_order_updated', externalId: order.externalId!, fields, newLoa: resigned });
    await addCarrierNote(tx, request.id, `The customer's corrections went to the carrier's order ${order.externalId} (${fields.join(', ') || 'no field changed'}${resigned ? ', with the newly signed LOA' : ''}). The carrier checks them again; nothing to do unless it raises another exception.`, now);
  }
}

