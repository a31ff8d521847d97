import 'server-only';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { accounts, portRequestNumbers, trackingSources } from '@/db/schema';
import { accountScope, type Actor } from '@/lib/auth/actor';
import type { PortRequest } from '../../port-request-access';
import { targetAccountScope } from './target-accounts';
import { listLinesToFix } from './lines-to-fix';
import { listForwardingTrackingNumbers } from './routing';

export const NUMBERS_PAGE_SIZE = 100;

/** What the Numbers to Port page shows: one page of the draft's numbers, totals, choices for new rows, the lines to fix. */
export async function getNumbersStepData(db: Queryable, actor: Actor, request: Omit<PortRequest, 'accountPinCiphertext'>, page: number) {
  const scope = accountScope(actor, request.accountId);
  const [totals] = await db
    .select({
      total: sql<number>`count(*)::int`,
      us: sql<number>`count(*) filter (where ${portRequestNumbers.country} = 'US' and not ${portRequestNumbers.isTollFree})::int`,
      ca: sql<number>`count(*) filter (where ${portRequestNumbers.country} = 'CA' and not ${portRequestNumbers.isTollFree})::int`,
      tollFree: sql<number>`count(*) filter (where ${portRequestNumbers.isTollFree})::int`,
    })
    .from(portRequestNumbers)
    .where(eq(portRequestNumbers.portRequestId, request.id));
  const numbers = await db
    .select({
      number: portRequestNumbers.number,
      receivingNumber: portRequestNumbers.receivingNumber,
      country: portRequestNumbers.country,
      isTollFree: portRequestNumbers.isTollFree,
      currentCarrier: portRequestNumbers.currentCarrier,
      trackingSource: trackingSources.name,
      accountName: accounts.name,
    })
    .from(portRequestNumbers)
    .innerJoin(accounts, eq(accounts.id, portRequestNumbers.targetAccountId))
    .leftJoin(trackingSources, eq(trackingSources.id, portRequestNumbers.trackingSourceId))
    .where(eq(portRequestNumbers.portRequestId, request.id))
    .orderBy(asc(portRequestNumbers.position))
    .limit(NUMBERS_PAGE_SIZE)
    .offset((Math.max(1, page) - 1) * NUMBERS_PAGE_SIZE);
  const usableAccounts = await db
    .select({ id: accounts.id, name: accounts.name })
    .from(accounts)
    .where(inArray(accounts.id, targetAccountScope(actor, request)))
    .orderBy(asc(accounts.name));
  const sources = await db
    .selectDistinct({ name: trackingSources.name })
    .from(trackingSources)
    .where(inArray(trackingSources.accountId, scope))
    .orderBy(asc(trackingSources.name));
  const forwarding = await listForwardingTrackingNumbers(db, actor, request as PortRequest);
  const linesToFix = await listLinesToFix(db, request);
  return { totals, numbers, usableAccounts, sourceNames: sources.map((s) => s.name), forwarding, linesToFix };
}
