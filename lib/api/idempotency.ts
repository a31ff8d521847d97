import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { apiIdempotencyKeys } from '@/db/schema';
import { ApiProblem } from './problem';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
// A call that crashed mid-way leaves its key in progress; after this a retry may run it again.
const IN_PROGRESS_LOCK_MS = 5 * 60 * 1000;
const WAIT_FOR_FIRST_MS = 5_000;

export type StoredAnswer = { status: number; headers: Record<string, string>; body: string };

export function requestFingerprint(method: string, path: string, body: Uint8Array): string {
  return createHash('sha256').update(`${method} ${path}\n`).update(body).digest('hex');
}

/**
 * Runs `work` once per (API key, Idempotency-Key) for 24 hours. The unique row is the lock: a second
 * call with the key waits for the first and gets its answer (status and body); a call with the key
 * and another request is refused. Only successes are kept: a refusal or a failure changed nothing
 * (every service is one transaction), so a retry with the same key after fixing the cause (adding
 * the proof, waiting out a limit, a service back up) runs again instead of replaying the refusal.
 */
export async function withIdempotency(
  db: Database,
  input: { apiKeyId: string; key: string; fingerprint: string; now: Date },
  work: () => Promise<StoredAnswer>,
): Promise<StoredAnswer & { replayed: boolean }> {
  if (input.key.length < 1 || input.key.length > 255) throw new ApiProblem('validation', 'Idempotency-Key must be 1 to 255 characters.', { errors: { 'Idempotency-Key': ['Use 1 to 255 characters, e.g. a UUID.'] } });
  const deadline = Date.now() + WAIT_FOR_FIRST_MS;
  for (;;) {
    const now = new Date(Math.max(input.now.getTime(), Date.now()));
    await db.delete(apiIdempotencyKeys).where(and(eq(apiIdempotencyKeys.apiKeyId, input.apiKeyId), eq(apiIdempotencyKeys.key, input.key), lt(apiIdempotencyKeys.expiresAt, now)));
    const [claimed] = await db
      .insert(apiIdempotencyKeys)
      .values({
        apiKeyId: input.apiKeyId,
        key: input.key,
        requestSha256: input.fingerprint,
        state: 'in_progress',
        lockedUntil: new Date(now.getTime() + IN_PROGRESS_LOCK_MS),
        createdAt: now,
        expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
      })
      .onConflictDoNothing()
      .returning({ id: apiIdempotencyKeys.id });
    if (claimed) return { ...(await runAndStore(db, claimed.id, work)), replayed: false };

    const [existing] = await db
      .select()
      .from(apiIdempotencyKeys)
      .where(and(eq(apiIdempotencyKeys.apiKeyId, input.apiKeyId), eq(apiIdempotencyKeys.key, input.key)));
    if (!existing) continue; // expired and removed between the two statements: claim it again
    if (existing.requestSha256 !== input.fingerprint) {
      throw new ApiProblem('idempotency-key-reused', 'This Idempotency-Key was first used with a different method, path or body. Use a new key for a new request.');
    }
    if (existing.state === 'done') {
      return { status: existing.responseStatus!, headers: existing.responseHeaders ?? {}, body: existing.responseBody ?? '', replayed: true };
    }
    if (existing.lockedUntil && existing.lockedUntil < now) {
      // The first call died without an answer: take over its key.
      const [taken] = await db
        .update(apiIdempotencyKeys)
        .set({ lockedUntil: new Date(now.getTime() + IN_PROGRESS_LOCK_MS) })
        .where(and(eq(apiIdempotencyKeys.id, existing.id), eq(apiIdempotencyKeys.state, 'in_progress'), lt(apiIdempotencyKeys.lockedUntil, now)))
        .returning({ id: apiIdempotencyKeys.id });
      if (taken) return { ...(await runAndStore(db, taken.id, work)), replayed: false };
      continue;
    }
    if (Date.now() >= deadline) {
      throw new ApiProblem('idempotency-in-progress', 'A call with this Idempotency-Key is still running. Retry in a moment to get its answer.', { headers: { 'Retry-After': '1' } });
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function runAndStore(db: Database, rowId: string, work: () => Promise<StoredAnswer>): Promise<StoredAnswer> {
  let answer: StoredAnswer;
  try {
    answer = await work();
  } catch (error) {
    await db.delete(apiIdempotencyKeys).where(eq(apiIdempotencyKeys.id, rowId));
    throw error;
  }
  if (answer.status >= 400) {
    await db.delete(apiIdempotencyKeys).where(eq(apiIdempotencyKeys.id, rowId));
  } else {
    await db
      .update(apiIdempotencyKeys)
      .set({ state: 'done', responseStatus: answer.status, responseHeaders: answer.headers, responseBody: answer.body, lockedUntil: null })
      .where(eq(apiIdempotencyKeys.id, rowId));
  }
  return answer;
}
