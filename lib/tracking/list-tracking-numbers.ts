import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { accounts, trackingNumbers, trackingSources } from '@/db/schema';
import { accountScope, type Actor } from '@/lib/auth/actor';

export type TrackingNumberRow = {
  id: string;
  number: string;
  receivingNumber: string;
  trackingSource: string | null;
  accountName: string;
  voiceStatus: 'active' | 'inactive';
  smsStatus: 'active' | 'pending' | 'exception';
};

/** The tracking numbers of the current account and, for an agency, its sub-accounts. */
export async function listTrackingNumbers(db: Queryable, actor: Actor, currentAccountId: string): Promise<TrackingNumberRow[]> {
  const scope = accountScope(actor, currentAccountId);
  if (scope.length === 0) return [];
  return db
    .select({
      id: trackingNumbers.id,
      number: trackingNumbers.number,
      receivingNumber: trackingNumbers.receivingNumber,
      trackingSource: trackingSources.name,
      accountName: accounts.name,
      voiceStatus: trackingNumbers.voiceStatus,
      smsStatus: trackingNumbers.smsStatus,
    })
    .from(trackingNumbers)
    .innerJoin(accounts, eq(accounts.id, trackingNumbers.accountId))
    .leftJoin(trackingSources, eq(trackingSources.id, trackingNumbers.trackingSourceId))
    .where(inArray(trackingNumbers.accountId, scope))
    .orderBy(asc(accounts.name), asc(trackingNumbers.number));
}
