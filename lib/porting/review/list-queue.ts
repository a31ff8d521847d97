import 'server-only';
import { and, asc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { accounts, internationalPortInquiries, portRequestNumbers, portRequests } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { NotFoundError } from '@/lib/errors';
import { HOLDING_STATUSES, type PortRequestStatus } from '../lifecycle/statuses';

/** The team's queue: every request it holds. */
export const QUEUE_STATUSES = HOLDING_STATUSES;
export const QUEUE_PAGE_SIZE = 50;

export type QueueFilters = {
  status?: PortRequestStatus;
  group?: 'us_local' | 'ca_local' | 'toll_free';
  carrier?: string;
  account?: string;
  page?: number;
};

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The team's queue: open requests, the one waiting longest (since its last change) first. */
export async function listQueue(db: Queryable, actor: Actor, filters: QueueFilters) {
  if (!actor.isStaff) throw new NotFoundError('That page');
  const where: SQL[] = [filters.status ? eq(portRequests.status, filters.status) : inArray(portRequests.status, [...QUEUE_STATUSES])];
  if (filters.group) where.push(eq(portRequests.numberGroup, filters.group));
  if (filters.carrier) where.push(ilike(portRequests.losingCarrier, `%${escapeLike(filters.carrier)}%`));
  if (filters.account) where.push(ilike(accounts.name, `%${escapeLike(filters.account)}%`));
  const page = Math.max(1, filters.page ?? 1);
  const rows = await db
    .select({
      id: portRequests.id,
      status: portRequests.status,
      accountName: accounts.name,
      customerName: portRequests.customerName,
      losingCarrier: portRequests.losingCarrier,
      numberGroup: portRequests.numberGroup,
      submittedAt: portRequests.submittedAt,
      waitingSince: portRequests.updatedAt,
      focDate: portRequests.focDate,
      numberCount: sql<number>`(select count(*)::int from ${portRequestNumbers} n where n.port_request_id = ${portRequests.id})`,
    })
    .from(portRequests)
    .innerJoin(accounts, eq(accounts.id, portRequests.accountId))
    .where(and(...where))
    .orderBy(asc(portRequests.updatedAt), asc(portRequests.id))
    .limit(QUEUE_PAGE_SIZE + 1)
    .offset((page - 1) * QUEUE_PAGE_SIZE);
  return { rows: rows.slice(0, QUEUE_PAGE_SIZE), hasMore: rows.length > QUEUE_PAGE_SIZE };
}

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
