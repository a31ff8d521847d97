import 'server-only';
import { and, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { accounts, carrierOrders, portRequestNumbers, portRequests } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { HOLDING_STATUSES } from '../lifecycle/statuses';
import { CONSOLE_STATUSES, type QueueFilters, type QueueSearch } from './queue-filters';
import { targetCutoffs } from './targets';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The WHERE of the queue, shared by the page, its count and the CSV export. A search looks in
 * every status (closed requests too); without one, the queue is what the team holds. Each way of
 * matching has an index: the number (port_request_numbers.number), the id (the primary key), the
 * carrier's order id (carrier_orders_external_id_idx), names in part and any case (trigram indexes).
 */
export function queueConditions(actor: Actor, filters: QueueFilters, now: Date): SQL {
  const where: (SQL | undefined)[] = [
    filters.status ? eq(portRequests.status, filters.status) : inArray(portRequests.status, [...(filters.search ? CONSOLE_STATUSES : HOLDING_STATUSES)]),
  ];
  if (filters.search) where.push(searchCondition(filters.search));
  if (filters.group) where.push(eq(portRequests.numberGroup, filters.group));
  if (filters.carrier) where.push(ilike(portRequests.losingCarrier, `%${escapeLike(filters.carrier)}%`));
  if (filters.account) where.push(accountNamed(`%${escapeLike(filters.account)}%`));
  if (filters.assignee === 'mine') where.push(eq(portRequests.assignedToUserId, actor.userId));
  if (filters.assignee === 'unassigned') where.push(isNull(portRequests.assignedToUserId));
  if (filters.pastTarget) where.push(pastTargetCondition(now));
  return and(...where)!;
}

/** The request's account by name, as a look-up of its own: the count then needs no join. */
const accountNamed = (pattern: string) => sql`${portRequests.accountId} = any(array(select ${accounts.id} from ${accounts} where ${accounts.name} ilike ${pattern}))`;

function searchCondition(search: QueueSearch): SQL {
  const pattern = `%${escapeLike(search.text)}%`;
  // Every way on port_requests' own columns (`= any(array(...))` for the look-ups), so PostgreSQL
  // can OR the indexes together in one bitmap scan instead of reading every request.
  const ways: (SQL | undefined)[] = [
    ilike(portRequests.customerName, pattern),
    ilike(portRequests.losingCarrier, pattern),
    accountNamed(pattern),
    sql`${portRequests.id} = any(array(select ${carrierOrders.portRequestId} from ${carrierOrders} where ${carrierOrders.externalId} = ${search.text}))`,
  ];
  if (search.e164) ways.push(sql`${portRequests.id} = any(array(select ${portRequestNumbers.portRequestId} from ${portRequestNumbers} where ${portRequestNumbers.number} = ${search.e164}))`);
  if (search.requestId) ways.push(eq(portRequests.id, search.requestId));
  if (search.reference) ways.push(eq(portRequests.reference, search.reference));
  // The short id is a range of the primary key, so it needs no index of its own.
  if (search.shortId) ways.push(sql`${portRequests.id} between ${`${search.shortId}-0000-0000-0000-000000000000`}::uuid and ${`${search.shortId}-ffff-ffff-ffff-ffffffffffff`}::uuid`);
  return or(...ways)!;
}

/** Past the desk's target, as thresholds on statusChangedAt (computed here, so the filter pages and counts in SQL). */
function pastTargetCondition(now: Date): SQL {
  return or(
    ...targetCutoffs(now).map(({ target, cutoff }) =>
      and(eq(portRequests.status, target.status), sql`${portRequests.statusChangedAt} < ${cutoff.toISOString()}::timestamptz`, target.onlyWithoutPortDate ? isNull(portRequests.focDate) : undefined),
    ),
  )!;
}
