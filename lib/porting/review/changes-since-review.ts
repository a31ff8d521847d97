import 'server-only';
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { changeRequests } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { NotFoundError } from '@/lib/errors';
import { takeReviewSnapshot, type ReviewSnapshot } from './review-snapshot';

export type ReviewChange = { label: string; before: string; after: string };

export type ChangesSinceReview = { askedAt: Date; answeredAt: Date; changes: ReviewChange[] };

/**
 * "Changed since the last review": what the customer changed between the team's last request for
 * changes and now, field by field (before → after), for the desk. Null before any answered request.
 */
export async function getChangesSinceReview(db: Queryable, actor: Actor, requestId: string): Promise<ChangesSinceReview | null> {
  if (!actor.isStaff) throw new NotFoundError('That port request');
  const [last] = await db
    .select({ snapshot: changeRequests.reviewSnapshot, askedAt: changeRequests.createdAt, answeredAt: changeRequests.resolvedAt })
    .from(changeRequests)
    .where(and(eq(changeRequests.portRequestId, requestId), isNotNull(changeRequests.resolvedAt), isNotNull(changeRequests.reviewSnapshot)))
    .orderBy(desc(changeRequests.createdAt))
    .limit(1);
  if (!last?.snapshot || !last.answeredAt) return null;
  return { askedAt: last.askedAt, answeredAt: last.answeredAt, changes: compareSnapshots(last.snapshot, await takeReviewSnapshot(db, requestId)) };
}

/** Field by field, then numbers (added, removed, changed), routing and files, in the console's words. */
export function compareSnapshots(before: ReviewSnapshot, after: ReviewSnapshot): ReviewChange[] {
  const changes: ReviewChange[] = [];
  // In today's order (a stored snapshot's keys come back in jsonb's order), then what is gone.
  for (const label of Object.keys({ ...after.fields, ...before.fields })) {
    const was = before.fields[label] ?? '—';
    const now = after.fields[label] ?? '—';
    if (was !== now) changes.push({ label, before: was, after: now });
    else if (label === 'Account PIN' && before.pinMark && after.pinMark && before.pinMark !== after.pinMark) {
      changes.push({ label, before: 'on file', after: 'entered again (reveal it to read it)' });
    }
  }
  const keyed = (prefix: string, was: Record<string, string>, now: Record<string, string>, gone: string) => {
    for (const key of Object.keys({ ...now, ...was })) {
      if (was[key] === now[key]) continue;
      changes.push({ label: `${prefix}${key}`, before: was[key] ?? 'not in the request', after: now[key] ?? gone });
    }
  };
  keyed('Number ', before.numbers, after.numbers, 'removed');
  keyed('Routing of ', before.routing, after.routing, 'no new routing');
  keyed('', before.files, after.files, 'removed');
  return changes;
}
