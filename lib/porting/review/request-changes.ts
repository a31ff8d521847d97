import 'server-only';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { changeRequests } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { StateError } from '@/lib/errors';
import { transitionRequest } from '../lifecycle/transition-request';
import { CHANGE_REASON_CODES, type ChangeReasonCode } from './change-reasons';
import { openDecision } from './staff-request';
import { takeReviewSnapshot } from './review-snapshot';

export const requestChangesSchema = z.object({
  reasons: z.array(z.enum(CHANGE_REASON_CODES as [ChangeReasonCode, ...ChangeReasonCode[]])).min(1, 'Choose at least one reason.'),
  numberIds: z.array(z.uuid()).default([]),
  note: z.string().trim().max(2000, 'Keep the note under 2,000 characters.').optional(),
  version: z.coerce.number().int().positive(),
});

/** "Ask for changes": coded reasons (for the request or chosen numbers) and a note; the customer fixes and resubmits. */
export async function requestChanges(db: Database, actor: Actor, requestId: string, input: z.infer<typeof requestChangesSchema>, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const { request, numbers: all } = await openDecision(tx, actor, requestId, 'request_changes', input.version);
    const chosen = all.filter((n) => input.numberIds.includes(n.id));
    if (chosen.length !== new Set(input.numberIds).size) throw new StateError('Some chosen numbers are not part of this request.');
    const numbers = chosen.map((c) => c.number);
    const reasons = input.reasons.map((code) => ({ code, ...(numbers.length ? { numbers } : {}) }));
    // As the team read it: the desk compares the resubmission with it.
    const reviewSnapshot = await takeReviewSnapshot(tx, requestId);
    await tx.insert(changeRequests).values({ portRequestId: requestId, reasons, note: input.note, requestedByUserId: actor.userId, createdAt: now, reviewSnapshot });
    await transitionRequest(tx, {
      request,
      to: 'changes_needed',
      actor,
      expectedVersion: input.version,
      at: now,
      event: { reasons, note: input.note },
    });
  });
}
