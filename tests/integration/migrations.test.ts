import { sql } from 'drizzle-orm';
import { runMigrations } from '@/db/migrate';
import { HOLDING_STATUSES } from '@/lib/porting/lifecycle/statuses';
import { setupTestContext } from '../helpers/test-context';

const t = setupTestContext({ seed: false, storage: false });

test(`migrations create every table on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'} and are safe to run again`, async () => {
  await runMigrations(t.handle); // a second run, as on every start-up, changes nothing
  const result = await t.db.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
  );
  const tables = (result as unknown as { rows: { table_name: string }[] }).rows.map((r) => r.table_name);
  expect(tables).toEqual(
    expect.arrayContaining([
      'accounts', 'memberships', 'staff_members', 'tracking_sources', 'tracking_numbers',
      'users', 'sessions', 'verification_tokens', 'auth_accounts', 'outbox_emails', 'mailbox_messages',
    ]),
  );
});

test('the queue index covers exactly the statuses the lifecycle says the team holds', async () => {
  const result = await t.db.execute(sql`select indexdef from pg_indexes where indexname = 'port_requests_open_updated_idx'`);
  const [{ indexdef }] = (result as unknown as { rows: { indexdef: string }[] }).rows;
  const listed = [...indexdef.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]).sort();
  expect(listed).toEqual([...HOLDING_STATUSES].sort());
});
