import 'server-only';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
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
  const candidates = [...new Set(lines.flatMap((l) => {
    const parsed = parsePortNumber(l.numberToPort);
    return parsed.ok ? [parsed.e164] : [];
  }))];
  const usableAccounts = await db.select({ id: accounts.id, name: accounts.name }).from(accounts).where(inArray(accounts.id, targetAccountScope(actor, request)));
  const sources = await db
    .select({ id: trackingSources.id, accountId: trackingSources.accountId, name: trackingSources.name })
    .from(trackingSources)
    .where(inArray(trackingSources.accountId, scope));

  // One array parameter, not one per number: 10,000 candidates stay a single bind value.
  const anyOf = sql`any(${sql.param(candidates)}::text[])`;
  // Sequential on purpose: inside a transaction all three share one connection.
  const [existing, inOpen, forwarding] = candidates.length
    ? [
        await db.select({ number: trackingNumbers.number }).from(trackingNumbers).where(sql`${trackingNumbers.number} = ${anyOf}`),
        await db
          .selectDistinct({ number: portRequestNumbers.number })
          .from(portRequestNumbers)
          .innerJoin(portRequests, eq(portRequests.id, portRequestNumbers.portRequestId))
          .where(
            and(
              sql`${portRequestNumbers.number} = ${anyOf}`,
              // Requests past the draft stage hold their numbers: a second request for them would fail at the carrier.
              inArray(portRequests.status, [...HOLDING_STATUSES]),
              ne(portRequests.id, request.id),
              inArray(portRequestNumbers.status, [...MOVING_NUMBER_STATUSES]),
            ),
          ),
        await db
          .select({ trackingNumber: trackingNumbers.number, receivingNumber: trackingNumbers.receivingNumber, accountId: trackingNumbers.accountId })
          .from(trackingNumbers)
          .where(and(sql`${trackingNumbers.receivingNumber} = ${anyOf}`, inArray(trackingNumbers.accountId, scope))),
      ]
    : [[], [], []];

  const byReceiving = new Map<string, { trackingNumber: string; accountId: string }[]>();
  for (const f of forwarding) {
    byReceiving.set(f.receivingNumber, [...(byReceiving.get(f.receivingNumber) ?? []), { trackingNumber: f.trackingNumber, accountId: f.accountId }]);
  }
  return {
    currentAccountId: request.accountId,
    usableAccounts,
    trackingSources: sources,
    defaults,
    existingTrackingNumbers: new Set(existing.map((e) => e.number)),
    numbersInOpenRequests: new Set(inOpen.map((e) => e.number)),
    trackingNumbersByReceivingNumber: byReceiving,
  };
}
