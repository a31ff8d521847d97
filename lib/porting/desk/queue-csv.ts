import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { accounts, portRequests, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { NotFoundError } from '@/lib/errors';
import { NUMBER_GROUP_LABELS } from '../estimate';
import { STATUS_DESCRIPTIONS } from '../lifecycle/status-labels';
import { queueColumns, type QueueRow } from '../review/list-queue';
import { CSV_BYTE_ORDER_MARK, spreadsheetSafeLine } from '@/lib/csv/spreadsheet-safe';
import { queueConditions } from './queue-conditions';
import type { QueueFilters } from './queue-filters';
import { missedTarget, targetCutoffs } from './targets';

const BATCH = 1_000;
const HEADER = ['Request', 'Reference', 'Status', 'In status since (UTC)', 'Past target', 'Account', 'Customer name', 'Losing carrier', 'Type', 'Numbers', 'Port date (UTC)', 'Assigned to', 'Submitted (UTC)'];

const utc = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace('T', ' ') : '');

/**
 * Every request of the filtered queue (all pages, not just the one shown) as CSV lines, in the
 * queue's order, read in batches by keyset so a large export holds one batch in memory at a time.
 * Cells go through the refused lines' formula guard; the PIN is not a column.
 */
export async function* queueCsvLines(db: Queryable, actor: Actor, filters: QueueFilters, now = new Date()): AsyncGenerator<string> {
  if (!actor.isStaff) throw new NotFoundError('That page');
  const where = queueConditions(actor, filters, now);
  const cutoffs = targetCutoffs(now);
  yield CSV_BYTE_ORDER_MARK + spreadsheetSafeLine(HEADER);
  // The cursor as PostgreSQL's own text: a JS Date would drop the microseconds and skip or repeat rows.
  let after: { updatedAt: string; id: string } | null = null;
  for (;;) {
    const rows: (QueueRow & { cursor: string })[] = await db
      .select({ ...queueColumns, cursor: sql<string>`${portRequests.updatedAt}::text` })
      .from(portRequests)
      .innerJoin(accounts, eq(accounts.id, portRequests.accountId))
      .leftJoin(users, eq(users.id, portRequests.assignedToUserId))
      .where(after ? and(where, sql`(${portRequests.updatedAt}, ${portRequests.id}) > (${after.updatedAt}::timestamptz, ${after.id}::uuid)`) : where)
      .orderBy(asc(portRequests.updatedAt), asc(portRequests.id))
      .limit(BATCH);
    if (rows.length === 0) return;
    yield rows
      .map((r) =>
        spreadsheetSafeLine([
          r.id, r.reference, STATUS_DESCRIPTIONS[r.status].label, utc(r.statusChangedAt), missedTarget(r, cutoffs) ? 'yes' : 'no', r.accountName, r.customerName ?? '',
          r.losingCarrier ?? '', r.numberGroup ? NUMBER_GROUP_LABELS[r.numberGroup] : '', String(r.numberCount), utc(r.focDate), r.assigneeName ?? '', utc(r.submittedAt),
        ]),
      )
      .join('');
    if (rows.length < BATCH) return;
    after = { updatedAt: rows[rows.length - 1].cursor, id: rows[rows.length - 1].id };
  }
}
