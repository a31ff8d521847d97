import { sql } from 'drizzle-orm';
import { accounts, trackingNumbers, trackingSources, users } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { listTrackingNumbers } from '@/lib/tracking/list-tracking-numbers';
import { accountIdByName, actorByEmail } from '../helpers/demo';
import { setupTestContext } from '../helpers/test-context';

const t = setupTestContext({ storage: false });

const count = async (table: typeof users | typeof accounts | typeof trackingNumbers | typeof trackingSources) =>
  (await t.db.select({ n: sql<number>`count(*)::int` }).from(table))[0].n;

test('the seed loads the demo exactly and a second run adds nothing', async () => {
  await seedDemo(t.db);
  expect(await count(accounts)).toBe(4);
  expect(await count(users)).toBe(5);
  expect(await count(trackingSources)).toBe(16);
  expect(await count(trackingNumbers)).toBe(5);
});

test('the agency owner works in the agency and both sub-accounts; the analyst in the agency only', async () => {
  const owner = await actorByEmail(t.db, 'owner@summit.example');
  expect(owner.accounts.map((a) => a.name)).toEqual(['Summit Marketing Group', 'Summit Dental', 'Summit Plumbing']);
  expect(owner.isStaff).toBe(false);
  const analyst = await actorByEmail(t.db, 'analyst@summit.example');
  expect(analyst.accounts.map((a) => a.name)).toEqual(['Summit Marketing Group']);
  const staff = await actorByEmail(t.db, 'regulatory@porting.example');
  expect(staff).toMatchObject({ isStaff: true, accounts: [] });
});

test('an agency lists its own and its sub-accounts\' tracking numbers with receiving number and source', async () => {
  const owner = await actorByEmail(t.db, 'owner@summit.example');
  const rows = await listTrackingNumbers(t.db, owner, await accountIdByName(t.db, 'Summit Marketing Group'));
  expect(rows.map((r) => r.number).sort()).toEqual(['+13015550120', '+14105550100', '+14105550101', '+14105550102']);
  expect(rows.find((r) => r.number === '+14105550100')).toMatchObject({
    receivingNumber: '+14105550000',
    trackingSource: 'Google Ads',
    voiceStatus: 'active',
    smsStatus: 'active',
  });
});

test('a user of another account cannot read Summit\'s tracking numbers, even naming its account id', async () => {
  const harbor = await actorByEmail(t.db, 'office@harbor.example');
  const summitId = await accountIdByName(t.db, 'Summit Marketing Group');
  expect(await listTrackingNumbers(t.db, harbor, summitId)).toEqual([]);
  const own = await listTrackingNumbers(t.db, harbor, await accountIdByName(t.db, 'Harbor Legal'));
  expect(own.map((r) => r.number)).toEqual(['+16175550130']);
});

test('a sub-account user sees only the sub-account, not the agency or a sibling', async () => {
  const dental = await actorByEmail(t.db, 'dental@summit.example');
  expect(await listTrackingNumbers(t.db, dental, await accountIdByName(t.db, 'Summit Marketing Group'))).toEqual([]);
  expect(await listTrackingNumbers(t.db, dental, await accountIdByName(t.db, 'Summit Plumbing'))).toEqual([]);
  const own = await listTrackingNumbers(t.db, dental, await accountIdByName(t.db, 'Summit Dental'));
  expect(own.map((r) => r.number)).toEqual(['+13015550120']);
});
