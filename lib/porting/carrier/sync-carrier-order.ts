import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { carrierOrders, portRequestEvents } from '@/db/schema';
import type { CarrierOrder, PortingCarrier } from '@/lib/carrier/porting-carrier';
import { applyCarrierOrder } from './apply-carrier-order';
import { addCarrierNote } from './carrier-note';
import type { CarrierOrderRow } from './carrier-orders';

/**
 * Reads the carrier's order again and applies it (a webhook says only that something changed; the
 * order says what). With `comments`, the carrier's comments not yet copied become internal notes.
 * Unknown orders are ignored unless they are a split of one of ours (the carrier's reference is our
 * row's id). In the caller's transaction.
 */
export async function syncCarrierOrder(
  tx: Transaction,
  carrier: PortingCarrier,
  externalId: string,
  now: Date,
  options: { eventAt?: Date; comments?: boolean } = {},
): Promise<CarrierOrderRow | null> {
  const order = await carrier.getOrder(externalId);
  const [known] = await tx.select().from(carrierOrders).where(and(eq(carrierOrders.carrier, carrier.name), eq(carrierOrders.externalId, externalId))).for('update');
  const row = known ?? (await adoptSplit(tx, carrier.name, order, now));
  if (!row) return null;
  let updated = await applyCarrierOrder(tx, row, order, now);
  if (options.eventAt && (!updated.lastEventAt || updated.lastEventAt < options.eventAt)) {
    [updated] = await tx.update(carrierOrders).set({ lastEventAt: options.eventAt }).where(eq(carrierOrders.id, row.id)).returning();
  }
  if (options.comments) await copyComments(tx, carrier, updated, now);
  return updated;
}

/**
 * An order we have no row for by its id: ours still being placed (the carrier's webhook can come
 * before the placing job commits: the row's lock waits for it), or one the carrier split off ours
 * after placing it (a row of its own for the same request). The carrier's reference is our row's id.
 */
async function adoptSplit(tx: Transaction, carrierName: string, order: CarrierOrder, now: Date): Promise<CarrierOrderRow | null> {
  if (!order.reference || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(order.reference)) return null;
  const [parent] = await tx.select().from(carrierOrders).where(eq(carrierOrders.id, order.reference)).for('update');
  if (!parent?.externalId || parent.carrier !== carrierName) return null; // not ours, or its placing failed
  if (parent.externalId === order.id) return parent;
  const [created] = await tx
    .insert(carrierOrders)
    .values({ portRequestId: parent.portRequestId, carrier: carrierName, externalId: order.id, numbers: order.numbers, status: 'submitted', requestedByUserId: parent.requestedByUserId, placedAt: now, createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning();
  return created ?? (await tx.select().from(carrierOrders).where(and(eq(carrierOrders.carrier, carrierName), eq(carrierOrders.externalId, order.id))).for('update'))[0] ?? null;
}

/** The carrier's comments on the order, each copied once into the team's internal notes. */
async function copyComments(tx: Transaction, carrier: PortingCarrier, row: CarrierOrderRow, now: Date): Promise<void> {
  if (!row.externalId) return;
  const comments = (await carrier.listComments(row.externalId)).filter((c) => c.author === 'carrier');
  for (const comment of comments) {
    const [copied] = await tx
      .select({ id: portRequestEvents.id })
      .from(portRequestEvents)
      .where(and(eq(portRequestEvents.portRequestId, row.portRequestId), eq(portRequestEvents.type, 'internal_note'), sql`${portRequestEvents.data} ->> 'carrierCommentId' = ${comment.id}`))
      .limit(1);
    if (copied) continue;
    await addCarrierNote(tx, row.portRequestId, `Comment from the carrier on order ${row.externalId}: ${comment.body}`, now, { fromCarrier: true, carrierCommentId: comment.id });
  }
}
