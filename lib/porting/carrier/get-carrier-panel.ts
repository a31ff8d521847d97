import 'server-only';
import { inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { scheduledJobs } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { getCarrier } from '@/lib/carrier/get-carrier';
import type { FocWindow } from '@/lib/carrier/porting-carrier';
import { NotFoundError } from '@/lib/errors';
import { isAtCarrier } from '../lifecycle/statuses';
import { findPortRequest } from '../port-request-access';
import { ordersReadyToActivate } from './ready-to-activate';
import { carrierOrdersOfRequest } from './carrier-orders';
import { placeJobKey } from './place-carrier-order';
import { FOC_CHANGE_RULES, isDateChangeable, MAX_FOC_CHANGES_AFTER_CONFIRM } from './request-foc-change';

// The team's words for the carrier's statuses (and ours before it has the order).
const STATUS_LABELS: Record<string, string> = {
  queued: 'Waiting to be placed',
  failed: 'Refused by the carrier',
  draft: 'Draft at the carrier',
  'in-process': 'Being placed',
  submitted: 'Submitted, waiting for the FOC',
  exception: 'Exception',
  'foc-date-confirmed': 'FOC confirmed',
  ported: 'Ported',
  cancelled: 'Cancelled',
  'cancel-pending': 'Cancelling',
};

export type CarrierPanel = NonNullable<Awaited<ReturnType<typeof getCarrierPanel>>>;

/**
 * The console's carrier panel: each order with the carrier's ids, status, exceptions and FOCs, the
 * placing job's attempts and error while the carrier is down, the FOC windows the carrier allows,
 * and the changes of date left. Staff only; null in manual mode or before "Submit to carrier".
 */
export async function getCarrierPanel(db: Database, actor: Actor, requestId: string) {
  if (!actor.isStaff) throw new NotFoundError('That port request');
  const request = await findPortRequest(db, actor, requestId);
  const carrier = await getCarrier();
  if (!carrier) return null;
  const rows = await carrierOrdersOfRequest(db, requestId);
  if (rows.length === 0) return null;
  const jobs = await db.select().from(scheduledJobs).where(inArray(scheduledJobs.dedupeKey, rows.map((r) => placeJobKey(r.id))));
  const jobOf = new Map(jobs.map((j) => [j.dedupeKey, j]));

  const orders = rows.map((row) => {
    const job = jobOf.get(placeJobKey(row.id));
    const placing = !row.externalId && job && job.status !== 'done';
    return {
      id: row.id,
      externalId: row.externalId,
      supportKey: row.supportKey,
      status: row.status,
      statusLabel: STATUS_LABELS[row.status] ?? row.status,
      exceptions: row.exceptions,
      focRequestedAt: row.focRequestedAt,
      focConfirmedAt: row.focConfirmedAt,
      fastPortEligible: row.fastPortEligible,
      messagingStatus: row.messagingStatus,
      numbers: row.numbers,
      // While the carrier is down the placing job keeps the error (nothing else is written): show it.
      lastError: row.lastError ?? (placing ? job.lastError : null),
      attempts: job?.attempts ?? 0,
      nextAttemptAt: placing && job.status === 'pending' ? job.runAt : null,
      placedAt: row.placedAt,
      /** Nothing more happens to it (ported or cancelled): the console offers no action on it. */
      closed: row.closedAt !== null,
    };
  });

  const open = rows.filter((r) => !r.closedAt && r.externalId);
  let focWindows: FocWindow[] = [];
  if (open[0]) focWindows = await carrier.allowedFocWindows(open[0].externalId!).catch(() => []);
  const confirmed = open.filter((r) => r.focConfirmedAt);
  const focChangesLeft = Math.max(0, MAX_FOC_CHANGES_AFTER_CONFIRM - Math.max(0, ...confirmed.map((r) => r.focChangesAfterConfirm)));
  return {
    carrier: carrier.name,
    orders,
    focWindows,
    focChangesLeft,
    focChangeRules: FOC_CHANGE_RULES,
    /** "Change port date" is offered: the request is at the carrier and every open order takes a new date. */
    canChangeDate: isAtCarrier(request.status) && open.length > 0 && open.every((r) => isDateChangeable(r.status)),
    canActivate: (await ordersReadyToActivate(carrier, open)).length > 0,
  };
}
