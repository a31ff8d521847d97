// `npm run bench:profile -- <path> [owner|staff]`: one page of the bench:seed database under the
// pages benchmark's load (20 connections, 10 s) with the server's CPU profiled (--cpu-prof), then
// the top functions by self time and the queries one request runs. To find where a page's time goes.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { eq } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import { sessions, users } from '@/db/schema';
import { benchDatabaseUrl } from './seed';
import { startAppServer } from './support/app-server';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount: number; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number };

const [pagePath = '/numbers/port', who = 'owner'] = process.argv.slice(2);
const handle = await openDatabase({ kind: 'postgres', url: benchDatabaseUrl(), max: 1 });
const email = who === 'staff' ? 'regulatory@porting.example' : 'owner@summit.example';
const [user] = await handle.db.select({ id: users.id }).from(users).where(eq(users.email, email));
const token = randomBytes(32).toString('hex');
await handle.db.insert(sessions).values({ sessionToken: token, userId: user.id, expires: new Date(Date.now() + 7 * 86_400_000) });
await handle.close();

const url = new URL(benchDatabaseUrl());
const profiles = path.join('/tmp', `port-profile-${Date.now()}`);
const server = await startAppServer({
  port: 3295,
  env: { DATABASE_URL: url.toString() },
  nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${profiles}`],
});
const headers = { cookie: `authjs.session-token=${token}` };
await autocannon({ url: `${server.baseUrl}${pagePath}`, connections: 5, duration: 2, headers });
// The profile's clock is the monotonic one: only samples from here on are the page's (not start-up).
const loadStartedUs = Number(process.hrtime.bigint() / 1000n);
const result = await autocannon({ url: `${server.baseUrl}${pagePath}`, connections: 20, duration: Number(process.env.BENCH_SECONDS ?? 10), headers });
console.log(`${pagePath}: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}`);
// Queries per request: the database's transaction count (each statement outside a transaction is one) over 20 requests.
const { Client } = await import('pg');
const pg = new Client({ connectionString: url.toString() });
await pg.connect();
const commits = async () => {
  await new Promise((r) => setTimeout(r, 1500)); // PostgreSQL reports its counters within a second
  await pg.query('select pg_stat_clear_snapshot()');
  return Number((await pg.query('select xact_commit + xact_rollback as n from pg_stat_database where datname = current_database()')).rows[0].n);
};
const before = await commits();
for (let i = 0; i < 20; i++) await fetch(`${server.baseUrl}${pagePath}`, { headers });
const after = await commits();
await pg.end();
console.log(`about ${((after - before - 2) / 20).toFixed(1)} statements per request`);
await server.stop();

// The biggest profile is the server process (the others are tsx's launcher).
const files = readdirSync(profiles).map((f) => path.join(profiles, f));
const biggest = files.sort((a, b) => readFileSync(b).length - readFileSync(a).length)[0];
const profile = JSON.parse(readFileSync(biggest, 'utf8')) as Profile;
const self = new Map<number, number>();
let at = profile.startTime;
profile.samples.forEach((id, i) => {
  at += profile.timeDeltas[i];
  if (at >= loadStartedUs) self.set(id, (self.get(id) ?? 0) + 1);
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const label = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/\.next\//, '.next/')}:${n.callFrame.lineNumber}`;
// Inclusive time: a node's samples and its descendants', each frame counted once per stack.
const inclusive = new Map<string, number>();
const walk = (id: number, onStack: Set<string>): number => {
  const n = nodes.get(id)!;
  let sum = self.get(id) ?? 0;
  const key = label(n);
  const fresh = !onStack.has(key);
  if (fresh) onStack.add(key);
  for (const c of n.children ?? []) sum += walk(c, onStack);
  if (fresh) {
    onStack.delete(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + sum);
  }
  return sum;
};
walk(profile.nodes[0].id, new Set());
const bySelf = new Map<string, number>();
for (const [id, hits] of self) bySelf.set(label(nodes.get(id)!), (bySelf.get(label(nodes.get(id)!)) ?? 0) + hits);
const pct = (v: number) => `${((100 * v) / total).toFixed(1)}%`.padStart(6);
console.log(`\nprofile ${biggest} (${total} samples under load)\ntop functions by self time:`);
for (const [k, v] of [...bySelf].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${pct(v)}  ${k}`);
console.log('app and library frames by inclusive time (what they and their callees cost):');
const interesting = /\.next\/server\/(app|chunks)|next-auth|@auth|drizzle|pg\/|libphonenumber|react-dom/;
for (const [k, v] of [...inclusive].filter(([k]) => interesting.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`  ${pct(v)}  ${k}`);
