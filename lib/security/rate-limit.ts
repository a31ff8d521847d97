import 'server-only';
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { rateLimitHits } from '@/db/schema';

/**
 * Counts a hit against each bucket and says whether all are still under their limit. A refused
 * hit is not counted, so waiting out the window always works.
 */
export async function consumeRateLimit(db: Database, limits: { bucket: string; max: number; windowSeconds: number }[], now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
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
