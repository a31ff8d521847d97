import 'server-only';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { changeRequests } from '@/db/schema';

/** Reasons that mean the PIN on file is wrong: keeping it cannot fix the request. */
export const NEW_PIN_REASONS: readonly string[] = ['pin_mismatch', 'pin_invalid'];

/** The latest change request the customer has not answered yet, if any. */
export async function findOpenChangeRequest(db: Queryable, requestId: string) {
  const [open] = await db
    .select()
    .from(changeRequests)
    .where(and(eq(changeRequests.portRequestId, requestId), isNull(changeRequests.resolvedAt)))
    .orderBy(desc(changeRequests.createdAt))
    .limit(1);
  return open;
}

export function asksForNewPin(open: { reasons: { code: string }[] } | undefined): boolean {
  return !!open?.reasons.some((r) => NEW_PIN_REASONS.includes(r.code));
}
