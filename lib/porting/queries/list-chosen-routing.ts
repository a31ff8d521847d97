import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { alternateRoutings, trackingNumbers } from '@/db/schema';

/** The alternate routing the customer chose: each tracking number, the number it rings today (being ported), and where it will forward. */
export async function listChosenRouting(db: Queryable, requestId: string) {
  return db
    .select({ trackingNumber: trackingNumbers.number, portingNumber: alternateRoutings.portingNumber, newReceivingNumber: alternateRoutings.newReceivingNumber })
    .from(alternateRoutings)
    .innerJoin(trackingNumbers, eq(trackingNumbers.id, alternateRoutings.trackingNumberId))
    .where(eq(alternateRoutings.portRequestId, requestId))
    .orderBy(asc(trackingNumbers.number));
}
