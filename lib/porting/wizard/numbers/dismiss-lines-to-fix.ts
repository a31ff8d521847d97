import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { linesToFix } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { findEditableDraft } from '../editable-draft';

/** "Dismiss": the customer gives up on kept lines (one, or all of them); only the draft's own go. */
export async function dismissLinesToFix(db: Database, actor: Actor, requestId: string, ids: string[] | 'all'): Promise<number> {
  return db.transaction(async (tx) => {
    await findEditableDraft(tx, actor, requestId, 'numbers');
    const mine = eq(linesToFix.portRequestId, requestId);
    // A made-up id matches nothing, and must not reach PostgreSQL as a malformed uuid.
    const named = ids === 'all' ? [] : ids.filter((id) => z.uuid().safeParse(id).success);
    if (ids !== 'all' && named.length === 0) return 0;
    const removed = await tx
      .delete(linesToFix)
      .where(ids === 'all' ? mine : and(mine, inArray(linesToFix.id, named)))
      .returning({ id: linesToFix.id });
    return removed.length;
  });
}

