import 'server-only';
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Database, Queryable } from '@/db/client';
import { rateLimitHits } from '@/db/schema';

/**
 * Counts a hit against each bucket and says whether all are still under their limit. A refused
 * hit is not counted, so waiting out the window always works. Given a transaction, the hit is part
 * of it (a savepoint): it counts only if the work it guards commits.
 */
export async function consumeRateLimit(db: Queryable, limits: { bucket: string; max: number; windowSeconds: number }[], now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Count and insert under a lock per bucket: concurrent hits (several connections) queue here
    // instead of all counting the same total. Buckets in a fixed order, so two calls never deadlock.
    for (const bucket of [...new Set(limits.map((l) => l.bucket))].sort()) await lockBucket(tx, bucket);
    for (const limit of limits) {
      const since = new Date(now.getTime() - limit.windowSeconds * 1000);
      await tx.delete(rateLimitHits).where(and(eq(rateLimitHits.bucket, limit.bucket), lt(rateLimitHits.at, since)));
      const [{ hits }] = await tx
        .select({ hits: sql<number>`count(*)::int` })
        .from(rateLimitHits)
        .where(and(eq(rateLimitHits.bucket, limit.bucket), gte(rateLimitHits.at, since)));
      if (hits >= limit.max) return false;
    }
    await tx.insert(rateLimitHits).values(limits.map((l) => ({ bucket: l.bucket, at: now })));
    return true;
  });
}

/** A transaction-scoped advisory lock named by the bucket (released at commit or rollback). */
export async function lockBucket(tx: Pick<Database, 'execute'>, bucket: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`rate-limit:${bucket}`}, 0))`);
}
