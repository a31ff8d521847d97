import 'server-only';
import type { Database } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { getCarrier } from '@/lib/carrier/get-carrier';
import { isCarrierError } from '@/lib/carrier/porting-carrier';
import { StateError } from '@/lib/errors';
import { recordEvent } from '../events/record-event';
import { findPortRequest } from '../port-request-access';
import { applyCarrierOrder } from './apply-carrier-order';
import { openCarrierOrders } from './carrier-orders';
import { ordersReadyToActivate } from './ready-to-activate';

/**
 * "Activate now" (the customer of the request's account, or the team): a fast-port order the carrier
 * says is ready to activate (its window on the FOC day) ports at once instead of at the carrier's own time. The
 * carrier's answer is applied like a webhook (ported: the numbers become tracking numbers).
 */
export async function activateNow(db: Database, actor: Actor, requestId: string, now = new Date()): Promise<void> {
  const carrier = await getCarrier();
  if (!carrier) throw new StateError('Activation on demand needs the carrier.');
  await db.transaction(async (tx) => {
    await findPortRequest(tx, actor, requestId, { forUpdate: true });
    const ready = await ordersReadyToActivate(carrier, await openCarrierOrders(tx, requestId), { strict: true }).catch((error) => {
      if (isCarrierError(error)) throw new StateError('The carrier cannot be reached just now, so the numbers cannot be activated. Try again in a few minutes; they still port at the scheduled time.');
      throw error;
    });
    if (ready.length === 0) throw new StateError('The numbers can be activated only on the port day, inside the carrier’s activation window.');
    for (const order of ready) {
      await recordEvent(tx, { requestId, actor, at: now }, { type: 'carrier_activation_requested', externalId: order.externalId! });
      await applyCarrierOrder(tx, order, await carrier.activate(order.externalId!), now);
    }
  });
}
