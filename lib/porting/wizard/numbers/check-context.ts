import 'server-only';
import { and, inArray, ne, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { accounts, portRequestNumbers, portRequests, trackingNumbers, trackingSources } from '@/db/schema';
import { accountScope, type Actor } from '@/lib/auth/actor';
import { HOLDING_STATUSES, MOVING_NUMBER_STATUSES } from '../../lifecycle/statuses';
import type { PortRequest } from '../../port-request-access';
import { targetAccountScope } from './target-accounts';
import type { PortNumberContext } from './check-rules';
import { parsePortNumber } from './parse-port-number';
import type { RawLine } from './read-number-lines';

/**
 * What the pre-checks need to know about the platform, fetched for the candidate numbers only:
 * a handful of queries whatever the number of lines.
 */
export async function loadNumberContext(
  db: Queryable,
  actor: Actor,
  request: PortRequest,
  lines: RawLine[],
  defaults: PortNumberContext['defaults'],
): Promise<PortNumberContext> {
  const scope = accountScope(actor, request.accountId);
  const unique = new Set<string>();
  for (const line of lines) {
    const parsed = parsePortNumber(line.numberToPort);
    if (parsed.ok) unique.add(parsed.e164);
  }
  const candidates = [...unique];
  const usableAccounts = await db.select({ id: accounts.id, name: accounts.name }).from(accounts).where(inArray(accounts.id, targetAccountScope(actor, request)));
  const sources = await db
    .select({ id: trackingSources.id, accountId: trackingSources.accountId, name: trackingSources.name })
    .from(trackingSources)
    .where(inArray(trackingSources.accountId, scope));

  const found = candidates.length ? await lookUpCandidates(db, request, candidates, scope) : [];
  const existing = new Set<string>();
  const inOpen = new Set<string>();
  const byReceiving = new Map<string, { trackingNumber: string; accountId: string }[]>();
  for (const row of found) {
    if (row.kind === 'tracking') existing.add(row.number);
    else if (row.kind === 'open') inOpen.add(row.number);
    else byReceiving.set(row.receivingNumber!, [...(byReceiving.get(row.receivingNumber!) ?? []), { trackingNumber: row.number, accountId: row.accountId! }]);
  }
  return {
    currentAccountId: request.accountId,
    usableAccounts,
    trackingSources: sources,
    defaults,
    existingTrackingNumbers: existing,
    numbersInOpenRequests: inOpen,
    trackingNumbersByReceivingNumber: byReceiving,
  };
}

type Found = { kind: 'tracking' | 'open' | 'forwarding'; number: string; receivingNumber: string | null; accountId: string | null };

/**
 * The three look-ups in one statement, the candidates sent once (10,000 of them are one array
 * parameter; sent three times, reading them was most of the look-ups' time on PGlite): the
 * numbers already tracking numbers anywhere, those in another open request, and the user's
 * tracking numbers that forward to one of them.
 */
async function lookUpCandidates(db: Queryable, request: PortRequest, candidates: string[], scope: string[]): Promise<Found[]> {
  // A set to join, not an array to search: `= any()` of an array the planner cannot see searches
  // the whole array for every row it reads.
  const anyCandidate = sql`any(select number from candidate)`;
  const result = await db.execute(sql`
    with candidate as (select unnest(${sql.param(candidates)}::text[]) as number)
    select 'tracking' as kind, ${trackingNumbers.number} as number, null as "receivingNumber", null as "accountId"
      from ${trackingNumbers} where ${trackingNumbers.number} = ${anyCandidate}
    union all
    select distinct 'open', ${portRequestNumbers.number}, null, null
      from ${portRequestNumbers} join ${portRequests} on ${portRequests.id} = ${portRequestNumbers.portRequestId}
      where ${and(
        sql`${portRequestNumbers.number} = ${anyCandidate}`,
        // Requests past the draft stage hold their numbers: a second request for them would fail at the carrier.
        inArray(portRequests.status, [...HOLDING_STATUSES]),
        ne(portRequests.id, request.id),
        inArray(portRequestNumbers.status, [...MOVING_NUMBER_STATUSES]),
      )}
    union all
    select 'forwarding', ${trackingNumbers.number}, ${trackingNumbers.receivingNumber}, ${trackingNumbers.accountId}::text
      from ${trackingNumbers} where ${and(sql`${trackingNumbers.receivingNumber} = ${anyCandidate}`, inArray(trackingNumbers.accountId, scope))}`);
  return (result as unknown as { rows: Found[] }).rows;
}
