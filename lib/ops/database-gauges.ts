import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/db';
import { getMetrics } from './metrics';

// Scraped every 15-60 s by each Prometheus, on each instance: one answer serves a few seconds. Each
// query reads only unfinished rows, through the status indexes (sent emails and done jobs pile up).
const CACHE_MS = 5_000;
const holder = globalThis as unknown as { __portGaugesAt?: number; __portGaugesRunning?: Promise<void> };

type Rows<T> = { rows: T[] };
const rowsOf = <T>(result: unknown) => (result as Rows<T>).rows;

/** Sets the metrics read from the database: outbox, jobs, webhook backlog, requests by status. */
async function collect(now: Date) {
  const db = await getDb();
  const metrics = getMetrics();
  const [outbox] = rowsOf<{ pending: number; failed: number; oldest: string | null }>(
    await db.execute(sql`select count(*) filter (where status in ('pending', 'sending'))::int as pending,
      count(*) filter (where status = 'failed')::int as failed,
      min(created_at) filter (where status in ('pending', 'sending')) as oldest
      from outbox_emails where status in ('pending', 'sending', 'failed')`),
  );
  const [jobs] = rowsOf<{ due: string | null; failed: number }>(
    await db.execute(sql`select min(run_at) filter (where status = 'pending' and run_at <= ${now.toISOString()}::timestamptz) as due,
      count(*) filter (where status = 'failed')::int as failed
      from scheduled_jobs where status in ('pending', 'failed')`),
  );
  const [webhooks] = rowsOf<{ pending: number }>(await db.execute(sql`select count(*)::int as pending from webhook_deliveries where status in ('pending', 'sending')`));
  const byStatus = rowsOf<{ status: string; n: number }>(await db.execute(sql`select status, count(*)::int as n from port_requests group by status`));

  const age = (at: string | null) => (at ? Math.max(0, (now.getTime() - new Date(at).getTime()) / 1000) : 0);
  metrics.outboxPending.set(outbox?.pending ?? 0);
  metrics.outboxFailed.set(outbox?.failed ?? 0);
  metrics.outboxOldestAge.set(age(outbox?.oldest ?? null));
  metrics.jobsLag.set(age(jobs?.due ?? null));
  metrics.jobsFailed.set(jobs?.failed ?? 0);
  metrics.webhooksPending.set(webhooks?.pending ?? 0);
  metrics.portRequestsByStatus.reset();
  for (const { status, n } of byStatus) metrics.portRequestsByStatus.set({ status }, n);
}

/** Brings the database gauges up to date unless they are a few seconds old; one query run at a time. */
export async function refreshDatabaseGauges(now = new Date()): Promise<void> {
  if (holder.__portGaugesAt !== undefined && now.getTime() - holder.__portGaugesAt < CACHE_MS) return;
  holder.__portGaugesRunning ??= collect(now)
    .then(() => {
      holder.__portGaugesAt = now.getTime();
    })
    .finally(() => {
      holder.__portGaugesRunning = undefined;
    });
  await holder.__portGaugesRunning;
}

/** Tests: the next refresh queries afresh. */
export function forgetDatabaseGauges(): void {
  holder.__portGaugesAt = undefined;
}
