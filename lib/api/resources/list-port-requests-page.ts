import 'server-only';
import { PORT_REQUEST_LIST_COLUMNS } from '@/lib/porting/queries/list-port-requests';
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '@/db/client';
import { accounts, portRequestNumbers, portRequests } from '@/db/schema';
import { accountScope, type Actor } from '@/lib/auth/actor';
import { REQUEST_STATUSES, type PortRequestStatus } from '@/lib/porting/lifecycle/statuses';
import { STATUS_DESCRIPTIONS } from '@/lib/porting/lifecycle/status-labels';

// GET /port-requests: the list page's query (lib/porting/queries/list-port-requests) with a cursor
// instead of page numbers, so a client walking the pages while requests are made sees each one once.

const timestamp = z.string().meta({ format: 'date-time' });

export const portRequestSummaryResource = z
  .object({
    id: z.string().meta({ format: 'uuid' }),
    object: z.literal('port_request'),
    reference: z.string().meta({ example: 'PR-2026-0142' }),
    accountId: z.string().meta({ format: 'uuid' }),
    accountName: z.string(),
    status: z.enum(REQUEST_STATUSES as unknown as [string, ...string[]]),
    statusDescription: z.string(),
    losingCarrier: z.string().nullable(),
    numberGroup: z.enum(['us_local', 'ca_local', 'toll_free']).nullable(),
    numberCount: z.number().int(),
    firstNumbers: z.array(z.string()).meta({ description: 'The first three numbers, E.164' }),
    completedSteps: z.array(z.string()),
    noteCount: z.number().int(),
    createdAt: timestamp,
    submittedAt: timestamp.nullable(),
    focDate: timestamp.nullable(),
  })
  .meta({ id: 'PortRequestSummary', description: 'A port request as the list shows it; GET /port-requests/{id} has everything' });

export const portRequestListResource = z
  .object({
    object: z.literal('list'),
    data: z.array(portRequestSummaryResource),
    hasMore: z.boolean(),
    nextCursor: z.string().nullable().meta({ description: 'Pass as startingAfter for the next page; null on the last page' }),
  })
  .meta({ id: 'PortRequestList' });

export type PortRequestSummary = z.infer<typeof portRequestSummaryResource>;

/** An opaque cursor: the last row's creation time (to the microsecond, as stored) and id. */
export function encodeCursor(createdAt: string, id: string): string {
  return Buffer.from(`${createdAt}|${id}`, 'utf8').toString('base64url');
}

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export function decodeCursor(cursor: string): { createdAt: string; id: string } | null {
  const match = CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  // The shape alone lets "2024-13-45T99:99:99" through to the database: the date must be real.
  if (!match || Number.isNaN(Date.parse(match[1])) || new Date(match[1]).toISOString().slice(0, 19) !== match[1].slice(0, 19)) return null;
  return { createdAt: match[1], id: match[2].toLowerCase() };
}

/**
 * Newest first (createdAt, then id, both descending): a request made while a client pages is
 * before its cursor, so it never shifts a later page. `accountIds` is the scope: the caller's
 * accounts (accountScope), never widened here.
 */
export async function listPortRequestsPage(
  db: Queryable,
  actor: Actor,
  currentAccountId: string,
  options: { status?: PortRequestStatus; number?: string; limit: number; after?: { createdAt: string; id: string } },
): Promise<{ data: PortRequestSummary[]; hasMore: boolean; nextCursor: string | null }> {
  const scope = accountScope(actor, currentAccountId);
  if (scope.length === 0) return { data: [], hasMore: false, nextCursor: null };
  const filters: SQL[] = [inArray(portRequests.accountId, scope)];
  if (options.status) filters.push(eq(portRequests.status, options.status));
  if (options.number) {
    filters.push(sql`exists (select 1 from ${portRequestNumbers} n where n.port_request_id = ${portRequests.id} and n.number = ${options.number})`);
  }
  if (options.after) filters.push(sql`(${portRequests.createdAt}, ${portRequests.id}) < (${options.after.createdAt}::timestamptz, ${options.after.id}::uuid)`);
  const rows = await db
    .select({
      ...PORT_REQUEST_LIST_COLUMNS,
      reference: portRequests.reference,
      accountId: portRequests.accountId,
      cursorAt: sql<string>`to_char(${portRequests.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(portRequests)
    .innerJoin(accounts, eq(accounts.id, portRequests.accountId))
    .where(and(...filters))
    .orderBy(desc(portRequests.createdAt), desc(portRequests.id))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  const hasMore = rows.length > options.limit;
  const last = page[page.length - 1];
  return {
    data: page.map((r) => ({
      id: r.id,
      object: 'port_request' as const,
      reference: r.reference,
      accountId: r.accountId,
      accountName: r.accountName,
      status: r.status,
      statusDescription: STATUS_DESCRIPTIONS[r.status].explanation,
      losingCarrier: r.losingCarrier,
      numberGroup: r.numberGroup,
      numberCount: r.numberCount,
      firstNumbers: r.firstNumbers,
      completedSteps: r.completedSteps,
      noteCount: r.noteCount,
      createdAt: r.createdAt.toISOString(),
      submittedAt: r.submittedAt?.toISOString() ?? null,
      focDate: r.focDate?.toISOString() ?? null,
    })),
    hasMore,
    nextCursor: hasMore && last ? encodeCursor(last.cursorAt, last.id) : null,
  };
}
