import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { carrierOrders, portRequests } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { getCarrier } from '@/lib/carrier/get-carrier';
import { isCarrierError, type PortingCarrier } from '@/lib/carrier/porting-carrier';
import { dateTimeUtc } from '@/lib/format/date-time-utc';
import { StateError } from '@/lib/errors';
import { recordEvent } from '../events/record-event';
import { isAtCarrier } from '../lifecycle/statuses';
import { STALE_MESSAGE, bumpVersion } from '../lifecycle/transition-request';
import { zonedWallTimeToUtc } from '@/lib/format/zoned-time';
import { scheduleSchema, type ScheduleInput } from '../review/schedule-port';
import { findRequestForStaff } from '../review/staff-request';
import { applyCarrierOrder } from './apply-carrier-order';
import { openCarrierOrders } from './carrier-orders';

export const MAX_FOC_CHANGES_AFTER_CONFIRM = 3;
export const BEST_EFFORT_HOURS = 48;

/** The carrier's rules for moving a port date, as the console states them. */
export const FOC_CHANGE_RULES = `The carrier allows at most ${MAX_FOC_CHANGES_AFTER_CONFIRM} changes of the port date after it has confirmed one. A change asked within ${BEST_EFFORT_HOURS} hours of the confirmed date is best effort: the carrier may keep the old date.`;

/** A new port date: a business day and a time in a named zone (UTC if none), as for "Set port date". */
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
  input: ScheduleInput,
  now = new Date(),
): Promise<{ bestEffort: boolean }> {
  const carrier = await getCarrier();
  if (!carrier) throw new StateError('No carrier is configured here: set the port date by hand.');
  const at = zonedWallTimeToUtc(input.focDate, input.focTime, input.focTimeZone ?? 'UTC');
  if (at <= now) throw new StateError('Choose a port date and time in the future.');
  return db.transaction(async (tx) => {
    const request = await findRequestForStaff(tx, actor, requestId);
    if (request.version !== input.version) throw new StateError(STALE_MESSAGE);
    if (!isAtCarrier(request.status)) throw new StateError('The port date can be changed only while the request is approved or scheduled.');
    const orders = (await openCarrierOrders(tx, requestId)).filter((o) => o.externalId);
    if (orders.length === 0) throw new StateError('No order of this request is open at the carrier.');
    const blocked = orders.find((o) => !isDateChangeable(o.status));
    if (blocked) throw new StateError(`Order ${blocked.externalId} is ${blocked.status} at the carrier: its port date cannot be changed now.`);
    const spent = orders.find((o) => o.focConfirmedAt && o.focChangesAfterConfirm >= MAX_FOC_CHANGES_AFTER_CONFIRM);
    if (spent) {
      throw new StateError(`The carrier allows ${MAX_FOC_CHANGES_AFTER_CONFIRM} changes of a confirmed port date, and order ${spent.externalId} has had them all. Ask the carrier in a comment, or cancel and submit the request again.`);
    }
    await refuseOutsideWindows(carrier, orders[0].externalId!, at);
    let bestEffort = false;
    for (const order of orders) {
      const nearConfirmed = !!order.focConfirmedAt && order.focConfirmedAt.getTime() - now.getTime() < BEST_EFFORT_HOURS * 3_600_000;
      bestEffort ||= nearConfirmed;
      const answer = await carrier.requestFoc(order.externalId!, at.toISOString()).catch((error: unknown) => {
        throw carrierRefusal(error);
      });
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

// The carrier takes a new date while it is working the order, not in exception or being cancelled.
const DATE_CHANGEABLE: readonly string[] = ['submitted', 'in-process', 'foc-date-confirmed'];

/** Whether the carrier takes a new port date for an order in this status (the console offers the form then). */
export function isDateChangeable(carrierStatus: string): boolean {
  return DATE_CHANGEABLE.includes(carrierStatus);
}

/** The carrier's own windows (UTC) decide which date-times it accepts: refused here, with them named. */
async function refuseOutsideWindows(carrier: PortingCarrier, orderId: string, at: Date): Promise<void> {
  const windows = await carrier.allowedFocWindows(orderId).catch((error: unknown) => {
    throw carrierRefusal(error);
  });
  if (windows.length === 0) return;
  const inside = windows.some((w) => at >= new Date(w.startsAt) && at <= new Date(w.endsAt));
  if (inside) return;
  const shown = windows.slice(0, 3).map((w) => `${dateTimeUtc(new Date(w.startsAt))} to ${dateTimeUtc(new Date(w.endsAt))}`);
  throw new StateError(`The carrier accepts a port date only inside its windows, e.g. ${shown.join('; ')}. Choose a date and time inside one.`);
}

/** A carrier that refuses says why, in its words; one that cannot be reached is asked again later. */
function carrierRefusal(error: unknown): unknown {
  if (!isCarrierError(error)) return error;
  return new StateError(error.retryable ? 'The carrier cannot be reached just now; nothing was changed. Try again in a few minutes.' : `The carrier refused the new date: ${error.message}`);
}
