import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Queryable, Transaction } from '@/db/client';
import { carrierOrders } from '@/db/schema';

export type CarrierOrderRow = typeof carrierOrders.$inferSelect;

// Our own words for a row before (or instead of) the carrier's: queued until placed, failed when refused.
export const QUEUED = 'queued';
export const FAILED = 'failed';

/** The request's carrier orders not closed yet (placed or waiting to be), oldest first. */
export async function openCarrierOrders(db: Queryable, requestId: string): Promise<CarrierOrderRow[]> {
  return db
    .select()
    .from(carrierOrders)
    .where(and(eq(carrierOrders.portRequestId, requestId), isNull(carrierOrders.closedAt)))
    .orderBy(asc(carrierOrders.createdAt));
}

/** Every carrier order of the request, oldest first (the console lists them all). */
export async function carrierOrdersOfRequest(db: Queryable, requestId: string): Promise<CarrierOrderRow[]> {
  return db.select().from(carrierOrders).where(eq(carrierOrders.portRequestId, requestId)).orderBy(asc(carrierOrders.createdAt));
}

/** A row locked for the caller's transaction. */
export async function lockCarrierOrder(tx: Transaction, id: string): Promise<CarrierOrderRow | undefined> {
  const [row] = await tx.select().from(carrierOrders).where(eq(carrierOrders.id, id)).for('update');
  return row;
}
