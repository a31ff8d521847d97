import 'server-only';
import type { Database } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { getCarrier } from '@/lib/carrier/get-carrier';
import { findPortRequest } from '../port-request-access';
import { activationWindow } from './activation-window';
import { openCarrierOrders } from './carrier-orders';
import { ordersReadyToActivate } from './ready-to-activate';

/**
 * For the request page: the activation window of a fast-port order with a confirmed FOC, and
 * whether "Activate now" works now (the carrier says so: its window, its clock). Null when there is none (or no carrier). Authorises like
 * every query: a request the actor may not see is not found.
 */
export async function getActivation(db: Database, actor: Actor, requestId: string): Promise<{ canActivate: boolean; windowStartsAt: Date; windowEndsAt: Date } | null> {
  await findPortRequest(db, actor, requestId);
  const carrier = await getCarrier();
  if (!carrier) return null;
  const orders = await openCarrierOrders(db, requestId);
  const order = orders.find((o) => o.externalId && activationWindow(o));
  if (!order) return null;
  const window = activationWindow(order)!;
  const ready = await ordersReadyToActivate(carrier, [order]);
  return { canActivate: ready.length > 0, windowStartsAt: window.startsAt, windowEndsAt: window.endsAt };
}
