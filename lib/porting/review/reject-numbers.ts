import 'server-only';
import { z } from 'zod';
import type { Database } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { StateError } from '@/lib/errors';
import { recordEvent } from '../events/record-event';
import { settledRequestStatus } from '../lifecycle/statuses';
import { transitionNumbers } from '../lifecycle/transition-numbers';
import { bumpVersion } from '../lifecycle/transition-request';
import { settleRequest } from './settle-request';
import { openDecision } from './staff-request';

export const rejectNumbersSchema = z.object({
  numberIds: z.array(z.uuid()).min(1, 'Choose the numbers the carrier rejected.'),
  reason: z.string().trim().min(1, 'Say why, in words the customer can act on.').max(1000),
  version: z.coerce.number().int().positive(),
});

/** Rejects numbers that cannot be ported; the rest of the request goes on. */
export async function rejectNumbers(db: Database, actor: Actor, requestId: string, input: z.infer<typeof rejectNumbersSchema>, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const { request, numbers: all } = await openDecision(tx, actor, requestId, 'reject_numbers', input.version);
    const chosen = all.filter((n) => input.numberIds.includes(n.id));
    if (chosen.length !== new Set(input.numberIds).size) throw new StateError('Some chosen numbers are not part of this request.');
    await transitionNumbers(tx, chosen, 'rejected', { statusReason: input.reason });
    await bumpVersion(tx, request, input.version, {}, now);
    const after = all.map((n) => (input.numberIds.includes(n.id) ? 'rejected' : n.status));
    await recordEvent(
      tx,
      { requestId, actor, at: now },
      { type: 'numbers_rejected', numbers: chosen.map((n) => n.number), reason: input.reason, requestClosed: settledRequestStatus(after) === 'cancelled' },
    );
    await settleRequest(tx, actor, requestId, now);
  });
}
