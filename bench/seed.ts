// `npm run bench:seed`: a PostgreSQL database `bench_pages` with the demo plus 1,000 accounts,
// 100,000 port requests of 1 to 50 numbers each (about 2.5 million numbers), a note and two events
// each; generated in SQL so it takes seconds, not hours.
import { sql } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { seedDemo } from '@/db/seed';

export const BENCH_DB = 'bench_pages';

export function benchDatabaseUrl(): string {
  const url = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
  url.pathname = `/${BENCH_DB}`;
  return url.toString();
}

export async function seedBenchDatabase(requests = 100_000): Promise<DatabaseHandle> {
  const admin = await openDatabase({ kind: 'postgres', url: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test', max: 1 });
  await admin.db.execute(sql.raw(`drop database if exists ${BENCH_DB} with (force)`));
  await admin.db.execute(sql.raw(`create database ${BENCH_DB}`));
  await admin.close();
  const handle = await openDatabase({ kind: 'postgres', url: benchDatabaseUrl(), max: 4 });
  await runMigrations(handle);
  await seedDemo(handle.db);
  const run = (statement: string) => handle.db.execute(sql.raw(statement));
  await run(`insert into accounts (name) select 'Bench Account ' || g from generate_series(1, 1000) g`);
  await run(`insert into users (id, email, name) select gen_random_uuid()::text, 'user' || g || '@bench.example', 'Bench User ' || g from generate_series(1, 1000) g`);
  await run(`insert into memberships (user_id, account_id, role)
    select u.id, a.id, 'admin' from (select id, row_number() over (order by email) n from users where email like '%@bench.example') u
    join (select id, row_number() over (order by name) n from accounts where name like 'Bench Account %') a on a.n = u.n`);
  // Requests spread over the bench accounts and Summit (so the demo owner's list is a busy one).
  await run(`create temporary table bench_accounts as
    select a.id, m.user_id, row_number() over (order by a.name) - 1 as n from accounts a join memberships m on m.account_id = a.id
    where a.name like 'Bench Account %' or (a.name = 'Summit Marketing Group' and m.role = 'admin')`);
  await run(`insert into port_requests (account_id, created_by_user_id, status, number_group, losing_carrier, customer_name, carrier_account_number,
      port_type, billing_address, completed_steps, submitted_at, created_at, updated_at)
    select ba.id, ba.user_id,
      (array['submitted','in_review','changes_needed','approved','scheduled','completed','cancelled','draft'])[1 + g % 8]::port_request_status,
      'us_local', (array['Verizon','AT&T','Comcast Business','Lumen'])[1 + g % 4], 'Bench Customer ' || g, 'ACCT-' || g, 'full',
      '{"street":"1 Main St","city":"Baltimore","region":"MD","postalCode":"21202","country":"US"}'::jsonb,
      '{carrier,numbers,customer,address,agreement,loa}', now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval, now() - (g || ' seconds')::interval
    from generate_series(1, ${requests}) g join bench_accounts ba on ba.n = g % (select count(*) from bench_accounts)`);
  // Every number's calls go to a source of its account, as the wizard requires.
  await run(`insert into tracking_sources (account_id, name) select id, 'Website' from accounts where name like 'Bench Account %' on conflict do nothing`);
  await run(`insert into port_request_numbers (port_request_id, position, number, country, receiving_number, target_account_id, tracking_source_id)
    -- Well-formed North American numbers (area code 410, exchanges 200-700) for the formatter's fast
    -- path, as customers' numbers take it; an exchange starting with 0 or 1 sent every one down the
    -- slow path. (The N11 exchanges among them are never assigned: only pages show these numbers.)
    select r.id, k, '+1410' || (2000000 + r.rn * 50 + k)::text, 'US', '+14105550199', r.account_id, r.source_id
    from (select p.id, p.account_id, s.id as source_id, row_number() over (order by p.id) rn from port_requests p
      join lateral (select id from tracking_sources where account_id = p.account_id order by name limit 1) s on true) r
    cross join lateral generate_series(1, 1 + (r.rn % 50)::int) k`);
  await run(`insert into port_request_notes (port_request_id, author_user_id, from_team, body)
    select id, created_by_user_id, false, 'Bench note for ' || customer_name from port_requests`);
  await run(`insert into port_request_events (port_request_id, actor_user_id, type, to_status)
    select id, created_by_user_id, 'draft_created', 'draft' from port_requests
    union all select id, created_by_user_id, 'status_changed', status from port_requests`);
  // As autovacuum leaves a live database: statistics, and the visibility map index-only scans read.
  await run('vacuum analyze');
  return handle;
}

if (process.argv[1]?.endsWith('seed.ts')) {
  const started = Date.now();
  const handle = await seedBenchDatabase();
  const [{ n }] = ((await handle.db.execute(sql.raw('select count(*)::int n from port_request_numbers'))) as unknown as { rows: { n: number }[] }).rows;
  console.log(`Seeded ${BENCH_DB}: 100,000 requests, ${n.toLocaleString('en-US')} numbers in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  await handle.close();
}
