import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { sql } from 'drizzle-orm';
import { migrationsFolder } from '@/db/client';
import { isPollerAlive } from '@/lib/background/poller';
import { getDatabaseHandle } from '@/lib/db';
import { getStorage } from '@/lib/storage/s3';
import { isDraining } from './draining';

export type CheckState = 'up' | 'down';
export type Readiness = { ready: boolean; stopping: boolean; checks: Record<'database' | 'migrations' | 'storage' | 'outbox' | 'jobs' | 'webhooks', CheckState> };

/** Each check gives up after this: a load balancer probes every few seconds and must not queue up. */
const CHECK_TIMEOUT_MS = 1_500;
/** One answer serves the probes of this long (several balancers, several instances' probes). */
const CACHE_MS = 1_000;

function withinTimeout<T>(work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS);
  });
  return Promise.race([work(), timeout]).finally(() => clearTimeout(timer));
}

type Outcome = CheckState | 'timed out';

async function outcome(work: () => Promise<boolean>): Promise<Outcome> {
  const started = Date.now();
  try {
    return (await withinTimeout(work)) ? 'up' : 'down';
  } catch {
    // The reason stays out of the answer (no one outside needs the driver's words); the workers and
    // requests that fail log theirs. Slow or refused is told by the time it took (each client words
    // its own timeout differently).
    return Date.now() - started >= CHECK_TIMEOUT_MS - 100 ? 'timed out' : 'down';
  }
}

const timeouts = globalThis as unknown as { __portReadinessTimeouts?: Record<string, number> };

/**
 * A part that refuses or errs is down at once. One that only answered too slowly is down from its
 * second slow check in a row: a burst of requests (a flood of probes) that stalls this process for a
 * moment would otherwise report its database or storage down and take the instance out for nothing.
 */
function verdict(name: string, result: Outcome): CheckState {
  const counts = (timeouts.__portReadinessTimeouts ??= {});
  counts[name] = result === 'timed out' ? (counts[name] ?? 0) + 1 : 0;
  if (result !== 'timed out') return result;
  return counts[name] >= 2 ? 'down' : 'up';
}

async function state(name: string, work: () => Promise<boolean>): Promise<CheckState> {
  return verdict(name, await outcome(work));
}

let migrationCount: number | undefined;
/** The migrations this build ships (drizzle's journal); all of them must be applied. */
function shippedMigrations(): number {
  migrationCount ??= (JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length;
  return migrationCount;
}

async function checkAll(): Promise<Readiness> {
  const database = async () => (await getDatabaseHandle()).db;
  const [db, migrations, storage] = await Promise.all([
    state('database', async () => {
      await (await database()).execute(sql`select 1`);
      return true;
    }),
    state('migrations', async () => {
      const result = await (await database()).execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      // Both drivers (pg, PGlite) answer with { rows }.
      const [row] = (result as unknown as { rows: { n: number }[] }).rows;
      return Number(row?.n ?? 0) >= shippedMigrations();
    }),
    state('storage', async () => {
      const { client, bucket } = await getStorage();
      await client.send(new HeadBucketCommand({ Bucket: bucket }), { abortSignal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
      return true;
    }),
  ]);
  const now = Date.now();
  const worker = (name: string): CheckState => (isPollerAlive(name, now) ? 'up' : 'down');
  const checks = { database: db, migrations, storage, outbox: worker('outbox'), jobs: worker('jobs'), webhooks: worker('webhooks') };
  const stopping = isDraining();
  return { ready: !stopping && Object.values(checks).every((c) => c === 'up'), stopping, checks };
}

const holder = globalThis as unknown as { __portReadiness?: { at: number; answer: Promise<Readiness> } };

/** Whether this instance can serve: its database, migrations, object store and background workers. */
export function checkReadiness(now = Date.now()): Promise<Readiness> {
  const cached = holder.__portReadiness;
  if (cached && now - cached.at < CACHE_MS) return cached.answer;
  const answer = checkAll();
  holder.__portReadiness = { at: now, answer };
  return answer;
}

/** Tests: the next check runs afresh. */
export function forgetReadiness(): void {
  holder.__portReadiness = undefined;
}
