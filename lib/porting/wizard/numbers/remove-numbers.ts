import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { alternateRoutings, portRequestNumbers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { MOVING_NUMBER_STATUSES } from '../../lifecycle/statuses';
import { findEditableDraft } from '../editable-draft';
import { saveStep } from '../save-step';
import { numbersLoaFields, numbersOnLetter } from './loa-fields';

/** Removes numbers (all when `numbers` is empty) and the alternate routings chosen for them. */
export async function removeNumbersFromDraft(db: Database, actor: Actor, requestId: string, numbers: string[], now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const request = await findEditableDraft(tx, actor, requestId, 'numbers');
    const before = await numbersOnLetter(tx, requestId);
    // One array parameter, not one per number.
    const chosen = (column: typeof portRequestNumbers.number | typeof alternateRoutings.portingNumber) =>
      numbers.length ? sql`${column} = any(${sql.param(numbers)}::text[])` : undefined;
    // Only numbers still on their way can go; ported or rejected ones are the request's history.
    const removed = await tx
      .delete(portRequestNumbers)
      .where(and(eq(portRequestNumbers.portRequestId, requestId), inArray(portRequestNumbers.status, [...MOVING_NUMBER_STATUSES]), chosen(portRequestNumbers.number)))
      .returning({ number: portRequestNumbers.number });
    await tx.delete(alternateRoutings).where(and(eq(alternateRoutings.portRequestId, requestId), chosen(alternateRoutings.portingNumber)));
    const gone = new Set(removed.map((r) => r.number));
    await saveStep(tx, actor, request, {
      uncomplete: ['numbers'],
      fields: {},
      signed: { before: numbersLoaFields(before), after: numbersLoaFields(before.filter((n) => !gone.has(n.number))) },
      at: now,
    });
  });
}
