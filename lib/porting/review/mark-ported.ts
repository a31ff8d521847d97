import 'server-only';
import { z } from 'zod';
import type { Database } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { StateError } from '@/lib/errors';
import { canTransitionNumber } from '../lifecycle/statuses';
import { portNumbers } from './port-numbers';
import { openDecision } from './staff-request';

export const markPortedSchema = z.object({
  numberIds: z.array(z.uuid()).default([]),
  version: z.coerce.number().int().positive(),
});

/**
 * The team's "Mark ported" (all that may port when none are chosen): the numbers port through
 * portNumbers, as when the carrier says they did.
 */
export async function markPorted(db: Database, actor: Actor, requestId: string, input: z.infer<typeof markPortedSchema>, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const { request, numbers } = await openDecision(tx, actor, requestId, 'mark_ported', input.version);
    const candidates = input.numberIds.length ? numbers.filter((n) => input.numberIds.includes(n.id)) : numbers.filter((n) => canTransitionNumber(n.status, 'ported'));
    if (candidates.length !== (input.numberIds.length ? new Set(input.numberIds).size : candidates.length)) throw new StateError('Some chosen numbers are not part of this request.');
    if (candidates.length === 0) throw new StateError('There is no approved or scheduled number to mark ported.');

    await portNumbers(tx, { request, numbers: candidates, actor, now, expectedVersion: input.version });
  });
}
