import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { carrierOrders, portRequests } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { getCarrier } from '@/lib/carrier/get-carrier';
import { StateError } from '@/lib/errors';
import { recordEvent } from '../events/record-event';
import { STALE_MESSAGE, bumpVersion } from '../lifecycle/transition-request';
import { scheduleSchema } from '../review/schedule-port';
import { findRequestForStaff } from '../review/staff-request';
import { applyCarrierOrder } from './apply-carrier-order';
import { openCarrierOrders } from './carrier-orders';

export const MAX_FOC_CHANGES_AFTER_CONFIRM = 3;
export const BEST_EFFORT_HOURS = 48;

/** The carrier's rules for moving a port date, as the console states them. */
export const FOC_CHANGE_RULES = `The carrier allows at most ${MAX_FOC_CHANGES_AFTER_CONFIRM} changes of the port date after it has confirmed one. A change asked within ${BEST_EFFORT_HOURS} hours of the confirmed date is best effort: the carrier may keep the old date.`;

/** A new port date: a business day and a UTC time, as for "Set port date". */
export const focChangeSchema = scheduleSchema;

/**
 * The team asks the carrier for another port date. Refused past the carrier's limit of changes
 * after a confirmed FOC; within 48 hours of the confirmed date it is asked anyway, as best effort
 * (the answer says so). The carrier confirms (or not) later, through its webhooks.
 */
export async function requestFocChange(
  db: Database,
  actor: Actor,
  requestId: string,
  input: z.infer<typeof focChangeSchema>,
  now = new Date(),
): Promise<{ bestEffort: boolean }> {
  const carrier = await getCarrier();
  if (!carrier) throw new StateError('No carrier is configured here: set the port date by hand.');
  const at = new Date(`${input.focDate}T${input.focTime}:00Z`);
  if (at <= now) throw new StateError('Choose a port date and time in the future.');
  return db.transaction(async (tx) => {
    const request = await findRequestForStaff(tx, actor, requestId);
    if (request.version !== input.version) throw new StateError(STALE_MESSAGE);
    const orders = (await openCarrierOrders(tx, requestId)).filter((o) => o.externalId);
    if (orders.length === 0) throw new StateError('No order of this request is open at the carrier.');
    const spent = orders.find((o) => o.focConfirmedAt && o.focChangesAfterConfirm >= MAX_FOC_CHANGES_AFTER_CONFIRM);
    if (spent) {
      throw new StateError(`The carrier allows ${MAX_FOC_CHANGES_AFTER_CONFIRM} changes of a confirmed port date, and order ${spent.externalId} has had them all. Ask the carrier in a comment, or cancel and submit the request again.`);
    }
    let bestEffort = false;
    for (const order of orders) {
      const nearConfirmed = !!order.focConfirmedAt && order.focConfirmedAt.getTime() - now.getTime() < BEST_EFFORT_HOURS * 3_600_000;
      bestEffort ||= nearConfirmed;
      const answer = await carrier.requestFoc(order.externalId!, at.toISOString());
      const [counted] = await tx
        .update(carrierOrders)
        .set({ focRequestedAt: at, focChangesAfterConfirm: order.focChangesAfterConfirm + (order.focConfirmedAt ? 1 : 0), updatedAt: now })
        .where(eq(carrierOrders.id, order.id))
        .returning();
      await recordEvent(tx, { requestId, actor, at: now }, { type: 'carrier_foc_change_requested', externalId: order.externalId!, focAt: at.toISOString(), bestEffort: nearConfirmed });
      await applyCarrierOrder(tx, counted, answer, now);
    }
    const [current] = await tx.select().from(portRequests).where(eq(portRequests.id, requestId));
    await bumpVersion(tx, current, undefined, {}, now);
    return { bestEffort };
  });
}
