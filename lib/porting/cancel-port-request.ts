import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { portRequestNumbers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { StateError } from '@/lib/errors';
import { changeRequestStatus } from './change-status';
import { notifyRequestUpdate } from './notify/notify-request-update';
import { findPortRequest } from './port-request-access';

export const cancelSchema = z.object({
  reason: z.string().trim().max(1000, 'Keep the reason under 1,000 characters.').optional(),
  version: z.coerce.number().int().positive(),
});

// Within two days of the port the carriers have already prepared the move; stopping it then
// risks leaving the numbers half-moved.
export const CANCEL_CUTOFF_HOURS = 48;

/** Customers may cancel an open request unless its port date is within 48 hours; the team may always. */
export function cancelBlockedReason(request: { focDate: Date | null }, now: Date, isStaff: boolean): string | null {
  if (isStaff || !request.focDate) return null;
  const hoursLeft = (request.focDate.getTime() - now.getTime()) / 3_600_000;
  if (hoursLeft >= CANCEL_CUTOFF_HOURS) return null;
  return `The port is scheduled for ${request.focDate.toISOString().slice(0, 16).replace('T', ' ')} UTC, less than ${CANCEL_CUTOFF_HOURS} hours away, and the carriers are already preparing it. Write to us in the notes if it must be stopped.`;
}

export async function cancelPortRequest(db: Database, actor: Actor, requestId: string, input: z.infer<typeof cancelSchema>, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const request = await findPortRequest(tx, actor, requestId, { forUpdate: true });
    const blocked = cancelBlockedReason(request, now, actor.isStaff);
    if (blocked) throw new StateError(blocked);
    const [ported] = await tx
      .select({ id: portRequestNumbers.id })
      .from(portRequestNumbers)
      .where(and(eq(portRequestNumbers.portRequestId, requestId), eq(portRequestNumbers.status, 'ported')))
      .limit(1);
    if (ported) {
      throw new StateError(
        actor.isStaff
          ? 'Some numbers of this request have already ported: reject the remaining numbers instead, and the request completes.'
          : 'Some numbers of this request are already on the platform, so it cannot be cancelled. Write to us in the notes about the others.',
      );
    }
    await changeRequestStatus(tx, {
      request,
      to: 'cancelled',
      actor,
      reason: input.reason,
      expectedVersion: input.version,
      fields: { cancelledAt: now },
      at: now,
    });
    await tx
      .update(portRequestNumbers)
      .set({ status: 'cancelled' })
      .where(and(eq(portRequestNumbers.portRequestId, requestId), inArray(portRequestNumbers.status, ['pending', 'approved', 'scheduled'])));
    await notifyRequestUpdate(tx, requestId, {
      template: 'request-cancelled',
      subject: 'Port request cancelled',
      update: {
        headline: 'The port request was cancelled',
        paragraphs: [
          actor.isStaff ? 'Our porting team cancelled this request.' : `${actor.name ?? actor.email} cancelled this request.`,
          ...(input.reason ? [`Reason: ${input.reason}`] : []),
          'The numbers stay with your current carrier. You can start a new request from Numbers > Port Numbers at any time.',
        ],
      },
    });
  });
}
