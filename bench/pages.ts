// `npm run bench:pages`: the Port Numbers list, a request page, its notes, Tracking Numbers, the staff
// request page and the staff queue under
// load (autocannon, 20 connections, 20 s each, signed in) against `next start` on PostgreSQL with
// the bench:seed data (100,000 requests); the baseline is the app's static 404 page under the same
// load. Also EXPLAIN ANALYZE of the list and queue queries, 50 runs each for a p99.
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { and, eq, ne, sql } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import { accounts, portRequests, sessions, users } from '@/db/schema';
import { loadActor } from '@/lib/auth/actor';
import { listPortRequests } from '@/lib/porting/queries/list-port-requests';
import { listQueue } from '@/lib/porting/review/list-queue';
import { benchDatabaseUrl, seedBenchDatabase } from './seed';
import { startAppServer } from './support/app-server';

export const PAGES_HEADER =
  '| page | throughput | p50 | p99 | page size | p99 vs 404 | p99 vs check-email (target 3x) | throughput vs check-email (target 0.33x) |\n|---|---|---|---|---|---|---|---|';

const DURATION = Number(process.env.BENCH_SECONDS ?? 20);
// `BENCH_PAGES=queue,list` measures only the pages whose names hold one of the words (and the two baselines).
const ONLY = (process.env.BENCH_PAGES ?? '').split(',').map((w) => w.trim()).filter(Boolean);

async function sessionCookie(db: Awaited<ReturnType<typeof openDatabase>>['db'], email: string) {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  const token = randomBytes(32).toString('hex');
  await db.insert(sessions).values({ sessionToken: token, userId: user.id, expires: new Date(Date.now() + 86_400_000) });
  return { cookie: `authjs.session-token=${token}`, userId: user.id };
}

/**
 * The database time of one page's read: every statement the lib query sends, each explained (analyze)
 * 50 times; the p99 of their sum. (It explained only the longest statement, and so missed the queue's
 * count, which took 47 ms against the rows' 1.5 ms.) The plan shown is the slowest statement's.
 */
async function explainP99(url: string, run: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<unknown>): Promise<{ p99: number; statements: number; plan: string }> {
  const captured: { query: string; params: unknown[] }[] = [];
  const handle = await openDatabase({ kind: 'postgres', url, max: 1, logger: { logQuery: (query, params) => captured.push({ query, params }) } });
  await run(handle.db);
  await handle.close();
  const { Client } = await import('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  const sums: number[] = [];
  let plan = '';
  let slowest = -1;
  for (let i = 0; i < 50; i++) {
    let sum = 0;
    for (const statement of captured) {
      const result = await client.query(`explain (analyze, format text) ${statement.query}`, statement.params);
      const lines = result.rows.map((r: Record<string, string>) => r['QUERY PLAN']);
      const ms = Number(/Execution Time: ([\d.]+) ms/.exec(lines.at(-1) ?? '')?.[1] ?? 0);
      sum += ms;
      if (i === 0 && ms > slowest) [slowest, plan] = [ms, lines.slice(0, 12).join('\n')];
    }
    sums.push(sum);
  }
  await client.end();
  sums.sort((a, b) => a - b);
  return { p99: sums[Math.floor(sums.length * 0.99) - 1] ?? sums.at(-1)!, statements: captured.length, plan };
}

export async function benchPages(): Promise<string[]> {
  let handle;
  try {
    handle = await openDatabase({ kind: 'postgres', url: benchDatabaseUrl(), max: 2 });
    await handle.db.execute(sql`select 1 from port_requests limit 1`);
  } catch {
    await handle?.close().catch(() => {});
    try {
      console.log('  seeding bench_pages first (npm run bench:seed)…');
      handle = await seedBenchDatabase();
    } catch (error) {
      console.log(`  pages benchmark skipped: no PostgreSQL (${error instanceof Error ? error.message : error})`);
      return ['| pages | skipped: no PostgreSQL server | | | |'];
    }
  }
  const db = handle.db;
  const owner = await sessionCookie(db, 'owner@summit.example');
  const staff = await sessionCookie(db, 'regulatory@porting.example');
  const [summit] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.name, 'Summit Marketing Group'));
  const [request] = await db.select({ id: portRequests.id }).from(portRequests).where(and(eq(portRequests.accountId, summit.id), ne(portRequests.status, 'draft'))).limit(1);

  const server = await startAppServer({ port: 3294, env: { DATABASE_URL: benchDatabaseUrl() } });
  const targets: [string, string, string][] = [
    ['static 404 page (baseline)', '/no-such-page', ''],
    ['dynamic page without data (check-email)', '/sign-in/check-email', ''],
    ['Port Numbers list', '/numbers/port', owner.cookie],
    ['request page', `/numbers/port/${request.id}`, owner.cookie],
    ['notes page', `/numbers/port/${request.id}/notes`, owner.cookie],
    ['Tracking Numbers', '/numbers/tracking', owner.cookie],
    ['staff request page', `/staff/requests/${request.id}`, staff.cookie],
    ['staff queue', '/staff', staff.cookie],
  ].filter(([name], i) => i < 2 || !ONLY.length || ONLY.some((word) => name.includes(word))) as [string, string, string][];
  const rows: string[] = [];
  let baselineP99 = 0;
  // The issue's targets are against the dynamic empty page (check-email): p99 within 3x, a third of its throughput.
  let dynamic: { p99: number; rps: number } | undefined;
  try {
    for (const [name, path, cookie] of targets) {
      await autocannon({ url: `${server.baseUrl}${path}`, connections: 5, duration: 2, headers: cookie ? { cookie } : {} }); // warm up
      const result = await autocannon({ url: `${server.baseUrl}${path}`, connections: 20, duration: DURATION, headers: cookie ? { cookie } : {} });
      if (!baselineP99) baselineP99 = result.latency.p99;
      else if (!dynamic) dynamic = { p99: result.latency.p99, rps: result.requests.average };
      const wrongStatus = name.includes('404') ? result['2xx'] : result.non2xx;
      const vsDynamic = dynamic ? `${(result.latency.p99 / dynamic.p99).toFixed(1)}x | ${(result.requests.average / dynamic.rps).toFixed(2)}x` : ' | ';
      // Bytes a response (headers included): what the server renders and writes for each request.
      const size = `${(result.throughput.average / result.requests.average / 1024).toFixed(0)} KB`;
      const row = `| ${name} | ${Math.round(result.requests.average)} req/s | ${result.latency.p50} ms | ${result.latency.p99} ms | ${size} | ${(result.latency.p99 / baselineP99).toFixed(1)}x | ${vsDynamic} |${wrongStatus ? ` ${wrongStatus} unexpected statuses` : ''}`;
      console.log(row);
      rows.push(row);
    }
  } finally {
    await server.stop();
  }

  const ownerActor = (await loadActor(db, owner.userId))!;
  const staffActor = (await loadActor(db, staff.userId))!;
  const list = await explainP99(benchDatabaseUrl(), (d) => listPortRequests(d, ownerActor, summit.id));
  const queue = await explainP99(benchDatabaseUrl(), (d) => listQueue(d, staffActor, {}));
  rows.push(
    `| list queries (${list.statements} statements, EXPLAIN ANALYZE summed, 50 runs) | | | ${list.p99.toFixed(1)} ms | | | | |`,
    `| queue queries (${queue.statements} statements, EXPLAIN ANALYZE summed, 50 runs) | | | ${queue.p99.toFixed(1)} ms | | | | |`,
  );
  console.log(rows.at(-2));
  console.log(rows.at(-1));
  console.log(`\nList plan (its slowest statement):\n${list.plan}\n\nQueue plan (its slowest statement):\n${queue.plan}`);
  await handle.close();
  return rows;
}

if (process.argv[1]?.endsWith('pages.ts')) {
  console.log(PAGES_HEADER);
  await benchPages();
}
