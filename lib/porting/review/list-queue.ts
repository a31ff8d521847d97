import 'server-only';
import { asc, count, eq, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { accounts, internationalPortInquiries, portRequestNumbers, portRequests, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { NotFoundError } from '@/lib/errors';
import { queueConditions } from '../desk/queue-conditions';
import type { QueueFilters } from '../desk/queue-filters';
import { HOLDING_STATUSES } from '../lifecycle/statuses';

/** The team's queue: every request it holds. */
export const QUEUE_STATUSES = HOLDING_STATUSES;
export const QUEUE_PAGE_SIZE = 50;
/**
 * The queue counts its requests up to this many and says "more than" past it: an exact count reads
 * every matching index entry on every page view (47 ms for 62,500 open requests, most of the queue
 * page's database time), while a desk only needs to know the queue is long.
 */
export const QUEUE_COUNT_LIMIT = 1000;

/** A queue row's columns, shared by the page and the CSV export. */
export const queueColumns = {
  id: portRequests.id,
  version: portRequests.version,
  status: portRequests.status,
  accountName: accounts.name,
  reference: portRequests.reference,
  customerName: portRequests.customerName,
  losingCarrier: portRequests.losingCarrier,
  numberGroup: portRequests.numberGroup,
  submittedAt: portRequests.submittedAt,
  statusChangedAt: portRequests.statusChangedAt,
  focDate: portRequests.focDate,
  assignedToUserId: portRequests.assignedToUserId,
  assigneeName: sql<string | null>`coalesce(${users.name}, ${users.email})`,
  numberCount: sql<number>`(select count(*)::int from ${portRequestNumbers} n where n.port_request_id = ${portRequests.id})`,
};

/**
 * The team's queue: one query for the page's rows (assignee and number count with them) and one
 * count, the request waiting longest since its last change first.
 */
export async function listQueue(db: Queryable, actor: Actor, filters: QueueFilters, now = new Date()) {
  if (!actor.isStaff) throw new NotFoundError('That page');
  const where = queueConditions(actor, filters, now);
  const page = Math.max(1, filters.page ?? 1);
  // The count on port_requests alone, so the open queue counts from an index, and only so far.
  const matching = db.select({ one: sql`1` }).from(portRequests).where(where).limit(QUEUE_COUNT_LIMIT + 1).as('matching');
  const [[{ counted }], rows] = await Promise.all([
    db.select({ counted: count() }).from(matching),
    db
      .select(queueColumns)
      .from(portRequests)
      .innerJoin(accounts, eq(accounts.id, portRequests.accountId))
      .leftJoin(users, eq(users.id, portRequests.assignedToUserId))
      .where(where)
      .orderBy(asc(portRequests.updatedAt), asc(portRequests.id))
      .limit(QUEUE_PAGE_SIZE + 1)
      .offset((page - 1) * QUEUE_PAGE_SIZE),
  ]);
  // `total` is exact up to QUEUE_COUNT_LIMIT; `totalIsMore` says there are more than that.
  const totalIsMore = counted > QUEUE_COUNT_LIMIT;
  return { rows: rows.slice(0, QUEUE_PAGE_SIZE), hasMore: rows.length > QUEUE_PAGE_SIZE, total: Math.min(counted, QUEUE_COUNT_LIMIT), totalIsMore };
}

export type QueueRow = Awaited<ReturnType<typeof listQueue>>['rows'][number];

export async function listInternationalInquiries(db: Queryable, actor: Actor) {
  if (!actor.isStaff) throw new NotFoundError('That page');
  return db
    .select({
      id: internationalPortInquiries.id,
      accountName: accounts.name,
      countries: internationalPortInquiries.countries,
      numbers: internationalPortInquiries.numbers,
      note: internationalPortInquiries.note,
      status: internationalPortInquiries.status,
      createdAt: internationalPortInquiries.createdAt,
    })
    .from(internationalPortInquiries)
    .innerJoin(accounts, eq(accounts.id, internationalPortInquiries.accountId))
    .orderBy(asc(internationalPortInquiries.status), asc(internationalPortInquiries.createdAt))
    .limit(200);
}
