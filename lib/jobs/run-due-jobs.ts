import 'server-only';
import { and, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import { scheduledJobs } from '@/db/schema';
import { getMetrics } from '@/lib/ops/metrics';

export type JobHandler = (tx: Transaction, payload: Record<string, unknown>, now: Date) => Promise<void>;

const LEASE_SECONDS = 300;
export const MAX_JOB_ATTEMPTS = 10;

/** Schedules a job in the caller's transaction; a job with the same dedupe key is not added twice. */
export async function scheduleJob(tx: Transaction | Database, job: { kind: string; payload: Record<string, unknown>; runAt: Date; dedupeKey?: string }) {
  await tx.insert(scheduledJobs).values(job).onConflictDoNothing();
}

/**
 * Runs the jobs due at `now`. Each is claimed with SKIP LOCKED, then its work and its "done" mark
 * commit in one transaction: a crash in between rolls both back and the lease lets another worker
 * retry, so a job's effect happens once however many workers run.
 */
export async function runDueJobs(options: { db: Database; handlers: Record<string, JobHandler>; now?: Date; batchSize?: number }): Promise<{ done: number; failed: number }> {
  const { db, handlers, batchSize = 20 } = options;
  const now = options.now ?? new Date();
  const due = db
    .select({ id: scheduledJobs.id })
    .from(scheduledJobs)
    .where(
      or(
        and(eq(scheduledJobs.status, 'pending'), lte(scheduledJobs.runAt, now)),
        and(eq(scheduledJobs.status, 'running'), lt(scheduledJobs.lockedUntil, now)),
      ),
    )
    .orderBy(scheduledJobs.runAt)
    .limit(batchSize)
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(scheduledJobs)
    .set({ status: 'running', attempts: sql`${scheduledJobs.attempts} + 1`, lockedUntil: new Date(now.getTime() + LEASE_SECONDS * 1000) })
    .where(inArray(scheduledJobs.id, due))
    .returning();

  const report = { done: 0, failed: 0 };
  for (const job of claimed) {
    try {
      const handler = handlers[job.kind];
      if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
      await db.transaction(async (tx) => {
        await handler(tx, job.payload, now);
        await tx.update(scheduledJobs).set({ status: 'done', finishedAt: now, lockedUntil: null, lastError: null }).where(eq(scheduledJobs.id, job.id));
      });
      report.done += 1;
      getMetrics().jobRuns.inc({ kind: job.kind, outcome: 'done' });
    } catch (error) {
      const gaveUp = job.attempts >= MAX_JOB_ATTEMPTS;
      await db
        .update(scheduledJobs)
        .set({
          status: gaveUp ? 'failed' : 'pending',
          lockedUntil: null,
          lastError: error instanceof Error ? error.message : String(error),
          runAt: new Date(now.getTime() + Math.min(60 * 2 ** job.attempts, 6 * 3600) * 1000),
        })
        .where(eq(scheduledJobs.id, job.id));
      report.failed += 1;
      getMetrics().jobRuns.inc({ kind: job.kind, outcome: gaveUp ? 'failed' : 'retrying' });
    }
  }
  return report;
}
