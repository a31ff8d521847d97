import 'server-only';
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { accounts, portRequestNoteReads, portRequestNotes, portRequestNumbers, portRequests } from '@/db/schema';
import { accountScope, type Actor } from '@/lib/auth/actor';
import type { PortRequestStatus } from '../lifecycle/statuses';

export type PortRequestListRow = {
  id: string;
  accountName: string;
  status: PortRequestStatus;
  losingCarrier: string | null;
  numberGroup: 'us_local' | 'ca_local' | 'toll_free' | null;
  numberCount: number;
  firstNumbers: string[];
  createdAt: Date;
  submittedAt: Date | null;
  focDate: Date | null;
  completedSteps: string[];
  noteCount: number;
  hasUnread: boolean;
};

export const PAGE_SIZE = 25;

const PUBLIC_NOTES = sql`${portRequestNotes} pn where pn.port_request_id = ${portRequests.id} and pn.visibility = 'public'`;

/** What a row of a request list shows, one query per page (the page's list and the API's share it). */
export const PORT_REQUEST_LIST_COLUMNS = {
  id: portRequests.id,
  accountName: accounts.name,
  status: portRequests.status,
  losingCarrier: portRequests.losingCarrier,
  numberGroup: portRequests.numberGroup,
  numberCount: sql<number>`(select count(*)::int from ${portRequestNumbers} n where n.port_request_id = ${portRequests.id})`,
  firstNumbers: sql<string[]>`coalesce((select array_agg(f.number order by f.position) from (select n.number, n.position from ${portRequestNumbers} n where n.port_request_id = ${portRequests.id} order by n.position limit 3) f), '{}')`,
  createdAt: portRequests.createdAt,
  submittedAt: portRequests.submittedAt,
  focDate: portRequests.focDate,
  completedSteps: portRequests.completedSteps,
  noteCount: sql<number>`(select count(*)::int from ${PUBLIC_NOTES})`,
};

/**
 * The requests of the current account and, for an agency, of its sub-accounts; newest first.
 * Counts and first numbers come from correlated subqueries on an indexed column, one query per page.
 */
export async function listPortRequests(
  db: Queryable,
  actor: Actor,
  currentAccountId: string,
  options: { status?: PortRequestStatus; number?: string; page?: number } = {},
): Promise<{ rows: PortRequestListRow[]; hasMore: boolean }> {
  const scope = accountScope(actor, currentAccountId);
  if (scope.length === 0) return { rows: [], hasMore: false };
  const page = Math.max(1, options.page ?? 1);
  const filters: SQL[] = [inArray(portRequests.accountId, scope)];
  if (options.status) filters.push(eq(portRequests.status, options.status));
  if (options.number) {
    filters.push(sql`exists (select 1 from ${portRequestNumbers} n where n.port_request_id = ${portRequests.id} and n.number = ${options.number})`);
  }
  const rows = await db
    .select({
      ...PORT_REQUEST_LIST_COLUMNS,
      hasUnread: sql<boolean>`exists (select 1 from ${PUBLIC_NOTES} and pn.author_user_id is distinct from ${actor.userId} and pn.created_at > coalesce((select r.last_read_at from ${portRequestNoteReads} r where r.port_request_id = ${portRequests.id} and r.user_id = ${actor.userId}), '-infinity'::timestamptz))`,
    })
    .from(portRequests)
    .innerJoin(accounts, eq(accounts.id, portRequests.accountId))
    .where(and(...filters))
    .orderBy(desc(portRequests.createdAt), desc(portRequests.id))
    .limit(PAGE_SIZE + 1)
    .offset((page - 1) * PAGE_SIZE);
  return { rows: rows.slice(0, PAGE_SIZE), hasMore: rows.length > PAGE_SIZE };
}
