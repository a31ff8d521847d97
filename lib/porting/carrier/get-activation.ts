import 'server-only';
import type { Database } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { getCarrier } from '@/lib/carrier/get-carrier';
import { findPortRequest } from '../port-request-access';
import { activationWindow, canActivateAt } from './activation-window';
import { openCarrierOrders } from './carrier-orders';

/**
 * For the request page: the activation window of a fast-port order with a confirmed FOC, and
 * whether "Activate now" works at `now`. Null when there is none (or no carrier). Authorises like
 * every query: a request the actor may not see is not found.
 */
export async function getActivation(db: Database, actor: Actor, requestId: string, now = new Date()): Promise<{ canActivate: boolean; windowStartsAt: Date; windowEndsAt: Date } | null> {
  await findPortRequest(db, actor, requestId);
  if (!(await getCarrier())) return null;
  for (const order of await openCarrierOrders(db, requestId)) {
    const window = activationWindow(order);
    if (order.externalId && window) return { canActivate: canActivateAt(order, now), windowStartsAt: window.startsAt, windowEndsAt: window.endsAt };
  }
  return null;
}
