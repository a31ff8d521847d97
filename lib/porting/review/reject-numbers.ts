import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { portRequestEvents, portRequestNumbers, portRequests } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { StateError } from '@/lib/errors';
import { formatPhoneNumber } from '@/lib/phone/format';
import { notifyRequestUpdate } from '../notify/notify-request-update';
import { canTransitionNumber } from '../status';
import { settleRequest } from './settle-request';
import { findRequestForStaff } from './staff-request';

export const rejectNumbersSchema = z.object({
  numberIds: z.array(z.uuid()).min(1, 'Choose the numbers the carrier rejected.'),
  reason: z.string().trim().min(1, 'Say why, in words the customer can act on.').max(1000),
  version: z.coerce.number().int().positive(),
});

/** Rejects numbers that cannot be ported; the rest of the request goes on. */
export async function rejectNumbers(db: Database, actor: Actor, requestId: string, input: z.infer<typeof rejectNumbersSchema>, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const request = await findRequestForStaff(tx, actor, requestId);
    if (request.version !== input.version) throw new StateError('This request changed while you were looking at it. Reload the page, then try again.');
    if (!['submitted', 'in_review', 'approved', 'scheduled', 'changes_needed'].includes(request.status)) throw new StateError('Numbers of a closed request cannot be rejected.');
    const numbers = await tx
      .select()
      .from(portRequestNumbers)
      .where(and(eq(portRequestNumbers.portRequestId, requestId), inArray(portRequestNumbers.id, input.numberIds)));
    if (numbers.length !== input.numberIds.length) throw new StateError('Some chosen numbers are not part of this request.');
    const refused = numbers.filter((n) => !canTransitionNumber(n.status, 'rejected'));
    if (refused.length) throw new StateError(`Already ${refused[0].status}: ${refused.map((n) => n.number).join(', ')}.`);
    await tx.update(portRequestNumbers).set({ status: 'rejected', statusReason: input.reason }).where(inArray(portRequestNumbers.id, input.numberIds));
    await tx.update(portRequests).set({ version: request.version + 1, updatedAt: now }).where(eq(portRequests.id, requestId));
    await tx.insert(portRequestEvents).values({
      portRequestId: requestId,
      actorUserId: actor.userId,
      type: 'numbers_rejected',
      reason: input.reason,
      data: { numbers: numbers.map((n) => n.number) },
      createdAt: now,
    });
    const settled = await settleRequest(tx, actor, requestId, now);
    await notifyRequestUpdate(tx, requestId, {
      template: 'numbers-rejected',
      subject: numbers.length === 1 ? 'A number cannot be ported' : `${numbers.length} numbers cannot be ported`,
      update: {
        headline: numbers.length === 1 ? 'One number cannot be ported' : `${numbers.length} numbers cannot be ported`,
        paragraphs: [
          `Reason: ${input.reason}`,
          settled === 'cancelled'
            ? 'No number of this request can be ported, so the request is closed. The numbers stay with your current carrier.'
            : 'The other numbers of the request go on as planned.',
        ],
        items: numbers.map((n) => ({ title: formatPhoneNumber(n.number) })),
      },
    });
  });
}
