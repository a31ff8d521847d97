import { inArray, sql } from 'drizzle-orm';
import type { Env } from '../lib/config/env';
import type { Queryable } from './client';
import { accounts, memberships, staffMembers, trackingNumbers, trackingSources, users } from './schema';

// The demo of shared/data/demo.md: these names and numbers are relied on by the docs and tests.
export const DEMO_SOURCES = ['Google Ads', 'Website', 'Direct', 'Facebook'] as const;

const DEMO_ACCOUNTS = [
  { name: 'Summit Marketing Group', parent: null },
  { name: 'Summit Dental', parent: 'Summit Marketing Group' },
  { name: 'Summit Plumbing', parent: 'Summit Marketing Group' },
  { name: 'Harbor Legal', parent: null },
] as const;

export const DEMO_USERS = [
  { email: 'owner@summit.example', name: 'Dana Whitfield', note: 'Summit Marketing Group and its sub-accounts (admin)', memberships: [['Summit Marketing Group', 'admin'], ['Summit Dental', 'admin'], ['Summit Plumbing', 'admin']] },
  { email: 'analyst@summit.example', name: 'Jordan Lee', note: 'Summit Marketing Group (member)', memberships: [['Summit Marketing Group', 'member']] },
  { email: 'dental@summit.example', name: 'Priya Raman', note: 'Summit Dental only', memberships: [['Summit Dental', 'member']] },
  { email: 'office@harbor.example', name: 'Marcus Bell', note: 'Harbor Legal only', memberships: [['Harbor Legal', 'admin']] },
  { email: 'regulatory@porting.example', name: 'Regulatory Team', note: 'regulatory team (staff console)', memberships: [] },
] as const;

const DEMO_STAFF = ['regulatory@porting.example'];

const DEMO_TRACKING_NUMBERS = [
  { account: 'Summit Marketing Group', number: '+14105550100', receivingNumber: '+14105550000', source: 'Google Ads' },
  { account: 'Summit Marketing Group', number: '+14105550101', receivingNumber: '+14105550000', source: 'Website' },
  { account: 'Summit Marketing Group', number: '+14105550102', receivingNumber: '+14105550199', source: 'Direct' },
  { account: 'Summit Dental', number: '+13015550120', receivingNumber: '+13015550198', source: 'Google Ads' },
  { account: 'Harbor Legal', number: '+16175550130', receivingNumber: '+16175550188', source: 'Website' },
] as const;

/**
 * Loads the demo data; running it again changes nothing. A statement per table rather than per row:
 * the seed is part of a first start, and 50 round trips were a tenth of it.
 */
export async function seedDemo(db: Queryable): Promise<void> {
  await db.transaction(async (tx) => {
    const accountIds = new Map<string, string>();
    const names = DEMO_ACCOUNTS.map((a) => a.name);
    for (const a of await tx.select({ id: accounts.id, name: accounts.name }).from(accounts).where(inArray(accounts.name, names))) {
      if (!accountIds.has(a.name)) accountIds.set(a.name, a.id);
    }
    // Parents before their sub-accounts: the agencies first, then the accounts under them.
    for (const level of [DEMO_ACCOUNTS.filter((a) => !a.parent), DEMO_ACCOUNTS.filter((a) => a.parent)]) {
      const missing = level.filter((a) => !accountIds.has(a.name));
      if (missing.length === 0) continue;
      const created = await tx
        .insert(accounts)
        .values(missing.map((a) => ({ name: a.name, parentAccountId: a.parent ? accountIds.get(a.parent)! : null })))
        .returning({ id: accounts.id, name: accounts.name });
      for (const a of created) accountIds.set(a.name, a.id);
    }
    await tx
      .insert(trackingSources)
      .values([...accountIds.values()].flatMap((accountId) => DEMO_SOURCES.map((name) => ({ accountId, name }))))
      .onConflictDoNothing();

    await tx
      .insert(users)
      .values(DEMO_USERS.map((u) => ({ email: u.email, name: u.name })))
      .onConflictDoNothing();
    const userIds = new Map(
      (await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, DEMO_USERS.map((u) => u.email)))).map((u) => [u.email, u.id]),
    );
    await tx
      .insert(memberships)
      .values(DEMO_USERS.flatMap((u) => u.memberships.map(([account, role]) => ({ userId: userIds.get(u.email)!, accountId: accountIds.get(account)!, role }))))
      .onConflictDoNothing();
    await tx
      .insert(staffMembers)
      .values(DEMO_STAFF.map((email) => ({ userId: userIds.get(email)!, role: 'regulatory' as const })))
      .onConflictDoNothing();

    const sources = await tx
      .select({ id: trackingSources.id, accountId: trackingSources.accountId, name: trackingSources.name })
      .from(trackingSources)
      .where(inArray(trackingSources.accountId, [...accountIds.values()]));
    const sourceOf = (accountId: string, name: string) => sources.find((s) => s.accountId === accountId && s.name.toLowerCase() === name.toLowerCase())!.id;
    await tx
      .insert(trackingNumbers)
      .values(
        DEMO_TRACKING_NUMBERS.map((t) => {
          const accountId = accountIds.get(t.account)!;
          return { accountId, number: t.number, receivingNumber: t.receivingNumber, trackingSourceId: sourceOf(accountId, t.source) };
        }),
      )
      .onConflictDoNothing();
  });
}

/**
 * The demo's users sign in with well-known addresses: it belongs on this machine or on a declared
 * public demo, never in a production database (even an empty one).
 */
export function shouldSeedDemo(env: Pick<Env, 'isLocal' | 'publicDemo'>): boolean {
  return env.isLocal || env.publicDemo;
}

export async function isEmpty(db: Queryable): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row.n === 0;
}
