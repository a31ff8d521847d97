import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import { carrierWebhookEvents } from '@/db/schema';
import { getCarrier } from '@/lib/carrier/get-carrier';
import type { PortingCarrier } from '@/lib/carrier/porting-carrier';
import { describeError, logFailure } from '@/lib/log';
import { syncCarrierOrder } from './sync-carrier-order';

type RecordedWebhook = typeof carrierWebhookEvents.$inferSelect;

/**
 * A webhook from the carrier: verified (a bad signature throws CarrierSignatureError: refused,
 * nothing recorded), recorded before it acts (committed on its own, the carrier's event id making a
 * replay a no-op), then acted on by reading the order again. A failure to act leaves the recorded
 * event unprocessed with its error; the reconciliation job (or the carrier's next try) acts again.
 */
export async function receiveCarrierWebhook(db: Database, rawBody: string, headers: Record<string, string>, now = new Date()): Promise<'applied' | 'recorded' | 'duplicate' | 'ignored'> {
  const carrier = await getCarrier();
  if (!carrier) return 'ignored';
  const event = await carrier.parseWebhook(rawBody, headers);
  const [recorded] = await db
    .insert(carrierWebhookEvents)
    .values({ carrier: carrier.name, eventId: event.id, eventType: event.type, orderExternalId: event.orderId ?? null, payload: event.raw, receivedAt: now })
    .onConflictDoNothing()
    .returning();
  if (!recorded) {
    const [first] = await db.select().from(carrierWebhookEvents).where(and(eq(carrierWebhookEvents.carrier, carrier.name), eq(carrierWebhookEvents.eventId, event.id)));
    if (first && !first.processedAt) await processRecordedWebhook(db, carrier, first, now);
    return 'duplicate';
  }
  // Recorded either way (a 200: the carrier need not resend); not applied yet is retried by reconciliation.
  return (await processRecordedWebhook(db, carrier, recorded, now)) ? 'applied' : 'recorded';
}

/** Acts on a recorded webhook in a transaction of its own; its failure is kept on the record (and logged). */
export async function processRecordedWebhook(db: Database | Transaction, carrier: PortingCarrier, recorded: RecordedWebhook, now: Date): Promise<boolean> {
  try {
    await db.transaction((tx) => applyRecordedWebhook(tx, carrier, recorded, now));
    return true;
  } catch (error) {
    logFailure('carrier webhook: not applied, the reconciliation job retries it', error);
    await db.update(carrierWebhookEvents).set({ error: describeError(error) }).where(eq(carrierWebhookEvents.id, recorded.id));
    return false;
  }
}

async function applyRecordedWebhook(tx: Transaction, carrier: PortingCarrier, recorded: RecordedWebhook, now: Date): Promise<void> {
  if (recorded.orderExternalId) {
    await syncCarrierOrder(tx, carrier, recorded.orderExternalId, now, { eventAt: recorded.receivedAt, comments: recorded.eventType === 'order_comment' });
  }
  await tx.update(carrierWebhookEvents).set({ processedAt: now, error: null }).where(eq(carrierWebhookEvents.id, recorded.id));
}
