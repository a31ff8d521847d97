import 'server-only';
import { z } from 'zod';
import type { Database } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { StateError } from '@/lib/errors';
import { kickJobs } from '@/lib/jobs/job-worker';
import { cancelAtCarrier } from './carrier/cancel-carrier-orders';
import { carryNumbers, numbersOfRequest } from './lifecycle/transition-numbers';
import { canCancel, type PortNumberStatus, type PortRequestStatus } from './lifecycle/statuses';
import { transitionRequest } from './lifecycle/transition-request';
import { findPortRequest } from './port-request-access';

export const cancelSchema = z.object({
  reason: z.string().trim().max(1000, 'Keep the reason under 1,000 characters.').optional(),
  version: z.coerce.number().int().positive(),
});

// Within two days of the port the carriers have already prepared the move; stopping it then
// risks leaving the numbers half-moved.
export const CANCEL_CUTOFF_HOURS = 48;

/**
 * Why this actor cannot cancel the request now, or null when they can: the status machine's rule
 * (canCancel), then, for customers, the 48-hour cut-off. The request page asks this before it
 * offers the form; the service asks it again under the lock.
 */
export function cancelBlockedReason(request: { status: PortRequestStatus; focDate: Date | null }, numbers: readonly PortNumberStatus[], now: Date, isStaff: boolean): string | null {
  if (!canCancel(request.status, numbers)) {
    if (!numbers.includes('ported')) return 'This request is already closed.';
    return isStaff
      ? 'Some numbers of this request have already ported: reject the remaining numbers instead, and the request completes.'
      : 'Some numbers of this request are already on the platform, so it cannot be cancelled. Write to us in the notes about the others.';
  }
  if (isStaff || !request.focDate) return null;
  const hoursLeft = (request.focDate.getTime() - now.getTime()) / 3_600_000;
  if (hoursLeft >= CANCEL_CUTOFF_HOURS) return null;
  return `The port is scheduled for ${request.focDate.toISOString().slice(0, 16).replace('T', ' ')} UTC, less than ${CANCEL_CUTOFF_HOURS} hours away, and the carriers are already preparing it. Write to us in the notes if it must be stopped.`;
}

/** Cancels the request and its numbers; an order open at the upstream carrier is cancelled there too (a job). */
export async function cancelPortRequest(db: Database, actor: Actor, requestId: string, input: z.infer<typeof cancelSchema>, now = new Date()): Promise<void> {
  const atCarrier = await db.transaction(async (tx) => {
    const request = await findPortRequest(tx, actor, requestId, { forUpdate: true });
    const numbers = await numbersOfRequest(tx, requestId);
    const blocked = cancelBlockedReason(request, numbers.map((n) => n.status), now, actor.isStaff);
    if (blocked) throw new StateError(blocked);
    await transitionRequest(tx, { request, to: 'cancelled', actor, expectedVersion: input.version, fields: { cancelledAt: now }, at: now, event: { reason: input.reason } });
    await carryNumbers(tx, requestId, 'cancelled');
    return cancelAtCarrier(tx, requestId, now);
  });
  if (atCarrier) kickJobs();
}
