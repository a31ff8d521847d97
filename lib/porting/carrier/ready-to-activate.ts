import 'server-only';
import { type PortingCarrier, isCarrierError } from '@/lib/carrier/porting-carrier';
import { activationWindow } from './activation-window';
import type { CarrierOrderRow } from './carrier-orders';

/** The carrier's word for "this fast-port order may be activated now". */
const READY = 'Activate RDY';

/**
 * The fast-port orders the carrier says may be activated now. The carrier's activation status
 * decides, not our clock: the carrier opens and closes its own window (and, in the sandbox, on its
 * own moved clock). Only orders with a confirmed FOC are asked. With `strict`, a carrier that cannot
 * be reached is an error the caller shows; without, such an order is simply not ready.
 */
export async function ordersReadyToActivate(carrier: PortingCarrier, rows: readonly CarrierOrderRow[], options: { strict?: boolean } = {}): Promise<CarrierOrderRow[]> {
  const candidates = rows.filter((r) => r.externalId && !r.closedAt && activationWindow(r));
  const answers = await Promise.all(
    candidates.map(async (row) => {
      try {
        return (await carrier.getOrder(row.externalId!)).activationStatus === READY ? row : null;
      } catch (error) {
        if (options.strict || !(isCarrierError(error))) throw error;
        return null;
      }
    }),
  );
  return answers.filter((r): r is CarrierOrderRow => r !== null);
}
