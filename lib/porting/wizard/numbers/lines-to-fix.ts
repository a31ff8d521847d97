import 'server-only';
import { asc, count, eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { linesToFix } from '@/db/schema';
import type { PortRequest } from '../../port-request-access';

/** A refused line kept on the draft, as typed, with the reason it was refused. */
export type LineToFix = {
  id: string;
  origin: string;
  numberToPort: string;
  receivingNumber: string | null;
  trackingSource: string | null;
  accountName: string | null;
  code: string;
  reason: string;
};

/** The page edits this many at once; the rest wait their turn (and all are in the CSV). */
export const LINES_TO_FIX_SHOWN = 100;

/** The draft's lines to fix, oldest first, for a request its caller has already loaded through access. */
export async function listLinesToFix(db: Queryable, request: Pick<PortRequest, 'id'>, limit = LINES_TO_FIX_SHOWN): Promise<{ lines: LineToFix[]; total: number }> {
  const [lines, total] = await Promise.all([
    db
      .select({
        id: linesToFix.id,
        origin: linesToFix.origin,
        numberToPort: linesToFix.numberToPort,
        receivingNumber: linesToFix.receivingNumber,
        trackingSource: linesToFix.trackingSource,
        accountName: linesToFix.accountName,
        code: linesToFix.code,
        reason: linesToFix.reason,
      })
      .from(linesToFix)
      .where(eq(linesToFix.portRequestId, request.id))
      .orderBy(asc(linesToFix.position))
      .limit(limit),
    countLinesToFix(db, request.id),
  ]);
  return { lines, total };
}

/** How many lines wait to be fixed on the draft (the numbers step goes on only without any). */
export async function countLinesToFix(db: Queryable, requestId: string): Promise<number> {
  const [{ total }] = await db.select({ total: count() }).from(linesToFix).where(eq(linesToFix.portRequestId, requestId));
  return total;
}
