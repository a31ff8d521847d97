import 'server-only';
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { rateLimitHits } from '@/db/schema';
import { lockBucket } from '@/lib/security/rate-limit';

export const API_RATE_LIMIT = { max: 120, windowSeconds: 60 };
// Calls without a valid key, per client address: a script probing for keys slows to a crawl.
export const API_UNAUTHENTICATED_LIMIT = { max: 30, windowSeconds: 60 };

export type RateLimitVerdict = { allowed: boolean; limit: number; remaining: number; resetSeconds: number; windowSeconds: number };

/**
 * A sliding-window count in the shared rate_limit_hits table, with what the RateLimit headers say:
 * how many calls are left and when the oldest call in the window stops counting.
 */
export async function consumeApiRateLimit(db: Database, bucket: string, limit = API_RATE_LIMIT, now = new Date()): Promise<RateLimitVerdict> {
  return db.transaction(async (tx) => {
    await lockBucket(tx, bucket);
    const since = new Date(now.getTime() - limit.windowSeconds * 1000);
    await tx.delete(rateLimitHits).where(and(eq(rateLimitHits.bucket, bucket), lt(rateLimitHits.at, since)));
    const [{ hits, oldest }] = await tx
      .select({ hits: sql<number>`count(*)::int`, oldest: sql<string | null>`min(${rateLimitHits.at})` })
      .from(rateLimitHits)
      .where(and(eq(rateLimitHits.bucket, bucket), gte(rateLimitHits.at, since)));
    const resetSeconds = oldest ? Math.max(1, Math.ceil((new Date(oldest).getTime() + limit.windowSeconds * 1000 - now.getTime()) / 1000)) : limit.windowSeconds;
    if (hits >= limit.max) return { allowed: false, limit: limit.max, remaining: 0, resetSeconds, windowSeconds: limit.windowSeconds };
    await tx.insert(rateLimitHits).values({ bucket, at: now });
    return { allowed: true, limit: limit.max, remaining: limit.max - hits - 1, resetSeconds, windowSeconds: limit.windowSeconds };
  });
}

/** The IETF RateLimit fields (draft-ietf-httpapi-ratelimit-headers), and Retry-After when refused. */
export function rateLimitHeaders(verdict: RateLimitVerdict): Record<string, string> {
  return {
    'RateLimit-Policy': `"default";q=${verdict.limit};w=${verdict.windowSeconds}`,
    RateLimit: `"default";r=${verdict.remaining};t=${verdict.resetSeconds}`,
    ...(verdict.allowed ? {} : { 'Retry-After': String(verdict.resetSeconds) }),
  };
}
