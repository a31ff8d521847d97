import 'server-only';
import { eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { changeRequests } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { StateError } from '@/lib/errors';
import { transitionRequest } from '../lifecycle/transition-request';
import type { PortRequest } from '../port-request-access';
import { asksForNewPin, findOpenChangeRequest } from '../review/open-change-request';

/**
 * "Resubmit": the customer fixed what the team asked for; the request goes back to the queue (the
 * "request-resubmitted" email follows from the status change).
 */
export async function resubmitAfterChanges(tx: Transaction, actor: Actor, request: PortRequest, options: { newProof: boolean; at: Date }) {
  const open = await findOpenChangeRequest(tx, request.id);
  if (open?.reasons.some((r) => r.code === 'proof_unreadable') && !options.newProof) {
    throw new StateError('Our team asked for new proof of ownership: add a bill or screenshot before resubmitting.');
  }
  // Set by the customer step when a new PIN is entered for this change request.
  if (open && asksForNewPin(open) && !open.pinReplacedAt) {
    throw new StateError('Our team asked for a new account PIN: enter it in step 4 (Customer), then resubmit.');
  }
  if (open) await tx.update(changeRequests).set({ resolvedAt: options.at }).where(eq(changeRequests.id, open.id));
  await transitionRequest(tx, {
    request,
    to: 'submitted',
    actor,
    at: options.at,
    event: { changeRequestId: open?.id, newProof: options.newProof },
  });
}
