import { and, eq, sql } from 'drizzle-orm';
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

/** Loads the demo data; running it again changes nothing. */
export async function seedDemo(db: Queryable): Promise<void> {
  await db.transaction(async (tx) => {
    const accountIds = new Map<string, string>();
    for (const a of DEMO_ACCOUNTS) {
      const parentId = a.parent ? accountIds.get(a.parent)! : null;
      const [existing] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.name, a.name)).limit(1);
      const id =
        existing?.id ??
        (await tx.insert(accounts).values({ name: a.name, parentAccountId: parentId }).returning({ id: accounts.id }))[0].id;
      accountIds.set(a.name, id);
      for (const source of DEMO_SOURCES) {
        await tx.insert(trackingSources).values({ accountId: id, name: source }).onConflictDoNothing();
      }
    }

    for (const u of DEMO_USERS) {
      await tx.insert(users).values({ email: u.email, name: u.name }).onConflictDoNothing();
      const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, u.email));
      for (const [account, role] of u.memberships) {
        await tx.insert(memberships).values({ userId: user.id, accountId: accountIds.get(account)!, role }).onConflictDoNothing();
      }
      if (DEMO_STAFF.includes(u.email)) {
        await tx.insert(staffMembers).values({ userId: user.id, role: 'regulatory' }).onConflictDoNothing();
      }
    }

    for (const t of DEMO_TRACKING_NUMBERS) {
      const accountId = accountIds.get(t.account)!;
      const [source] = await tx
        .select({ id: trackingSources.id })
        .from(trackingSources)
        .where(and(eq(trackingSources.accountId, accountId), sql`lower(${trackingSources.name}) = lower(${t.source})`));
      await tx
        .insert(trackingNumbers)
        .values({ accountId, number: t.number, receivingNumber: t.receivingNumber, trackingSourceId: source.id })
        .onConflictDoNothing();
    }
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
