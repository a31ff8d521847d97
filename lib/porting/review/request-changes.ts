import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { changeRequests, portRequestNumbers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { StateError } from '@/lib/errors';
import { formatPhoneNumber } from '@/lib/phone/format';
import { changeRequestStatus } from '../change-status';
import { notifyRequestUpdate } from '../notify/notify-request-update';
import { CHANGE_REASON_CODES, CHANGE_REASONS, type ChangeReasonCode } from './change-reasons';
import { findRequestForStaff } from './staff-request';

export const requestChangesSchema = z.object({
  reasons: z.array(z.enum(CHANGE_REASON_CODES as [ChangeReasonCode, ...ChangeReasonCode[]])).min(1, 'Choose at least one reason.'),
  numberIds: z.array(z.uuid()).default([]),
  note: z.string().trim().max(2000, 'Keep the note under 2,000 characters.').optional(),
  version: z.coerce.number().int().positive(),
});

/** "Ask for changes": coded reasons (for the request or chosen numbers) and a note; the customer fixes and resubmits. */
export async function requestChanges(db: Database, actor: Actor, requestId: string, input: z.infer<typeof requestChangesSchema>): Promise<void> {
  await db.transaction(async (tx) => {
    const request = await findRequestForStaff(tx, actor, requestId);
    const chosen = input.numberIds.length
      ? await tx
          .select({ id: portRequestNumbers.id, number: portRequestNumbers.number })
          .from(portRequestNumbers)
          .where(and(eq(portRequestNumbers.portRequestId, requestId), inArray(portRequestNumbers.id, input.numberIds)))
      : [];
    if (chosen.length !== input.numberIds.length) throw new StateError('Some chosen numbers are not part of this request.');
    const numbers = chosen.map((c) => c.number);
    const reasons = input.reasons.map((code) => ({ code, ...(numbers.length ? { numbers } : {}) }));
    await tx.insert(changeRequests).values({ portRequestId: requestId, reasons, note: input.note, requestedByUserId: actor.userId });
    await changeRequestStatus(tx, {
      request,
      to: 'changes_needed',
      actor,
      expectedVersion: input.version,
      reason: input.reasons.map((c) => CHANGE_REASONS[c].label).join('; '),
      data: { reasons, note: input.note },
    });
    await notifyRequestUpdate(tx, requestId, {
      template: 'changes-needed',
      subject: 'Changes needed',
      update: {
        headline: 'Your port request needs changes',
        paragraphs: [
          'Before we can send the request on, a few details must be corrected. Open the request, fix what is listed and resubmit it.',
          ...(input.note ? [`Note from our team: ${input.note}`] : []),
        ],
        items: input.reasons.map((code) => ({
          title: CHANGE_REASONS[code].label + (numbers.length ? ` (${numbers.map(formatPhoneNumber).join(', ')})` : ''),
          detail: CHANGE_REASONS[code].action,
        })),
      },
    });
  });
}
