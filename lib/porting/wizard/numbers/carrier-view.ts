import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { accounts, portRequestNumbers } from '@/db/schema';
import type { NumberGroup } from '../../estimate';
import type { PortRequest } from '../../port-request-access';
import { carrierKey, planSplit } from '../../submission/plan-split';

export type CarrierView = {
  /**
   * The losing carrier to suggest in step 2: every number has the carrier's answer, they all name
   * one carrier, and it is not the one the customer entered. Null otherwise.
   */
  suggestion: string | null;
  /**
   * The requests the draft will go as at submission (one unless it mixes groups, carriers or the
   * accounts its numbers live in), each with the account it will belong to.
   */
  parts: { group: NumberGroup; losingCarrier: string | null; count: number; account: { id: string; name: string } | null }[];
};

/** A line checked but not saved ("Check Portability"), counted with the draft's numbers. */
type CheckedLine = { country?: 'US' | 'CA'; isTollFree?: boolean; currentCarrier?: string; carrierChecked?: boolean };

/**
 * The carrier's view of a draft's numbers, as the numbers, carrier and last steps show it. One
 * grouped query, whatever the number of lines; `checked` adds lines just checked and not saved.
 */
export async function getCarrierView(db: Queryable, request: Pick<PortRequest, 'id' | 'losingCarrier' | 'accountId'>, checked: CheckedLine[] = []): Promise<CarrierView> {
  const stored = await db
    .select({
      country: portRequestNumbers.country,
      isTollFree: portRequestNumbers.isTollFree,
      currentCarrier: portRequestNumbers.currentCarrier,
      targetAccountId: portRequestNumbers.targetAccountId,
      accountName: accounts.name,
      count: sql<number>`count(*)::int`,
    })
    .from(portRequestNumbers)
    .innerJoin(accounts, eq(accounts.id, portRequestNumbers.targetAccountId))
    .where(eq(portRequestNumbers.portRequestId, request.id))
    .groupBy(portRequestNumbers.country, portRequestNumbers.isTollFree, portRequestNumbers.currentCarrier, portRequestNumbers.targetAccountId, accounts.name);
  const rows = [
    ...stored,
    // Only the carrier suggestion reads lines just checked; they count with the request's own account.
    ...checked.map((c) => ({
      country: c.country ?? 'US',
      isTollFree: !!c.isTollFree,
      currentCarrier: c.carrierChecked ? (c.currentCarrier ?? null) : null,
      targetAccountId: request.accountId,
      accountName: null,
      count: 1,
    })),
  ];
  const parts = planSplit(rows, request.losingCarrier, request.accountId).map((p) => {
    const named = p.numbers.find((n) => n.accountName !== null);
    return {
      group: p.group,
      losingCarrier: p.losingCarrier,
      count: p.numbers.reduce((sum, n) => sum + n.count, 0),
      account: p.accountId && named?.accountName ? { id: p.accountId, name: named.accountName } : null,
    };
  });
  const named = new Set(rows.map((r) => carrierKey(r.currentCarrier)));
  const only = rows[0]?.currentCarrier;
  const suggestion =
    rows.length > 0 && named.size === 1 && only && !rows.some((r) => !r.currentCarrier) && carrierKey(only) !== carrierKey(request.losingCarrier)
      ? only
      : null;
  return { suggestion, parts };
}
