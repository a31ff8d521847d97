import 'server-only';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { portRequestNumbers, portRequests } from '@/db/schema';
import { accountScope, type Actor } from '@/lib/auth/actor';
import type { PortRequestStatus } from '../lifecycle/statuses';

export type PortRequestListFilter = { status?: PortRequestStatus; number?: string };

/**
 * What the customers' list (and its CSV export) may show: the current account and, for an agency,
 * its sub-accounts, narrowed by the list's filters. Null when the actor may not use the account.
 */
export function portRequestListWhere(actor: Actor, currentAccountId: string, filter: PortRequestListFilter): SQL | null {
  const scope = accountScope(actor, currentAccountId);
  if (scope.length === 0) return null;
  const filters: SQL[] = [inArray(portRequests.accountId, scope)];
  if (filter.status) filters.push(eq(portRequests.status, filter.status));
  if (filter.number) {
    filters.push(sql`exists (select 1 from ${portRequestNumbers} n where n.port_request_id = ${portRequests.id} and n.number = ${filter.number})`);
  }
  return and(...filters)!;
}
