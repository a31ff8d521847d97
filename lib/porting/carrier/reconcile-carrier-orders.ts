import 'server-only';
import { and, asc, eq, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import { carrierOrders, carrierWebhookEvents } from '@/db/schema';
import { getCarrier } from '@/lib/carrier/get-carrier';
import { describeError, logFailure } from '@/lib/log';
import { scheduleJob } from '@/lib/jobs/run-due-jobs';
import { processRecordedWebhook } from './receive-carrier-webhook';
import { syncCarrierOrder } from './sync-carrier-order';

export const RECONCILE_CARRIER_JOB = 'carrier-reconcile';

/** An order the carrier has said nothing about for this long is asked about. */
export const QUIET_HOURS = 3;
/** How often the job runs while some order is open. */
export const RECONCILE_EVERY_MINUTES = 30;
// Voice ported, texts still on their way at the carrier: the order is closed but still watched.
const MESSAGING_WAITING = ['pending', 'activating'];

/** Schedules the next pass (one per slot, however many callers ask). */
export async function scheduleReconciliation(tx: Transaction | Database, now: Date): Promise<void> {
  const slotMs = RECONCILE_EVERY_MINUTES * 60_000;
  const runAt = new Date(Math.ceil((now.getTime() + 1) / slotMs) * slotMs);
  await scheduleJob(tx, { kind: RECONCILE_CARRIER_JOB, payload: {}, runAt, dedupeKey: `${RECONCILE_CARRIER_JOB}:${runAt.toISOString()}` });
}

/**
 * The reconciliation job, so a lost webhook delays a port but never loses it: recorded webhooks not
 * yet acted on are acted on again, and every open order the carrier has been quiet about for
 * QUIET_HOURS is read from the carrier and applied, like a webhook would. Each in a savepoint of the
 * job's transaction, so one failure does not undo the others. Schedules its next pass while any
 * order is open.
 */
export async function reconcileCarrierOrders(tx: Transaction, now: Date): Promise<{ webhooks: number; orders: number }> {
  const carrier = await getCarrier();
  if (!carrier) return { webhooks: 0, orders: 0 };
  const report = { webhooks: 0, orders: 0 };

  const unprocessed = await tx
    .select()
    .from(carrierWebhookEvents)
    .where(and(eq(carrierWebhookEvents.carrier, carrier.name), isNull(carrierWebhookEvents.processedAt), lt(carrierWebhookEvents.receivedAt, new Date(now.getTime() - 60_000))))
    .orderBy(asc(carrierWebhookEvents.receivedAt))
    .limit(50);
  for (const recorded of unprocessed) if (await processRecordedWebhook(tx, carrier, recorded, now)) report.webhooks += 1;

  const quietSince = new Date(now.getTime() - QUIET_HOURS * 3_600_000);
  const watched = or(isNull(carrierOrders.closedAt), and(eq(carrierOrders.status, 'ported'), inArray(carrierOrders.messagingStatus, MESSAGING_WAITING)));
  const quiet = await tx
    .select({ id: carrierOrders.id, externalId: carrierOrders.externalId })
    .from(carrierOrders)
    .where(
      and(
        eq(carrierOrders.carrier, carrier.name),
        isNotNull(carrierOrders.externalId),
        watched,
        sql`coalesce(greatest(${carrierOrders.lastEventAt}, ${carrierOrders.lastSyncedAt}), ${carrierOrders.placedAt}, ${carrierOrders.createdAt}) < ${quietSince.toISOString()}::timestamptz`,
      ),
    )
    .limit(100);
  for (const order of quiet) {
    try {
      await tx.transaction((sp) => syncCarrierOrder(sp, carrier, order.externalId!, now, { comments: true }));
      report.orders += 1;
    } catch (error) {
      logFailure('carrier reconciliation: order not synced, next pass retries', error);
      await tx.update(carrierOrders).set({ lastError: `Could not read the order from the carrier: ${describeError(error)}` }).where(eq(carrierOrders.id, order.id));
    }
  }

  const [stillOpen] = await tx.select({ id: carrierOrders.id }).from(carrierOrders).where(and(eq(carrierOrders.carrier, carrier.name), watched)).limit(1);
  if (stillOpen) await scheduleReconciliation(tx, now);
  return report;
}
