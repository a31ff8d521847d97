import 'server-only';
import type { Queryable } from '@/db/client';
import { getCarrier } from '@/lib/carrier/get-carrier';
import type { DecisionContext } from '../lifecycle/decisions';
import { openCarrierOrders } from './carrier-orders';

/** What allowedDecisions needs to offer "Submit to carrier": a carrier configured, and no order of the request open with it. */
export async function carrierDecisionContext(db: Queryable, requestId: string): Promise<DecisionContext> {
  const carrier = await getCarrier();
  if (!carrier) return { carrierConfigured: false, openCarrierOrder: false };
  return { carrierConfigured: true, openCarrierOrder: (await openCarrierOrders(db, requestId)).length > 0 };
}
