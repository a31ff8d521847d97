import 'server-only';
import { eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { changeRequests } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { StateError } from '@/lib/errors';
import { scheduleJob } from '@/lib/jobs/run-due-jobs';
import { UPDATE_CARRIER_ORDER_JOB, type UpdateCarrierOrderPayload } from '../carrier/update-carrier-order';
import { transitionRequest } from '../lifecycle/transition-request';
import type { PortRequest } from '../port-request-access';
import { asksForNewPin, findOpenChangeRequest } from '../review/open-change-request';

/**
 * "Resubmit": the customer fixed what was asked for. Asked by the team: the request goes back to
 * the queue (the "request-resubmitted" email follows from the status change). Asked by the carrier
 * (an exception on its order): straight back to approved, and a job sends the corrections to the
 * carrier's order; the team reads it in the notes and clicks nothing.
 */
export async function resubmitAfterChanges(tx: Transaction, actor: Actor, request: PortRequest, options: { newProof: boolean; at: Date }) {
  const open = await findOpenChangeRequest(tx, request.id);
  if (open?.reasons.some((r) => r.code === 'proof_unreadable') && !options.newProof) {
    throw new StateError('New proof of ownership is needed: add a bill or screenshot before resubmitting.');
  }
  // Set by the customer step when a new PIN is entered for this change request.
  if (open && asksForNewPin(open) && !open.pinReplacedAt) {
    throw new StateError('A new account PIN is needed: enter it in step 4 (Customer), then resubmit.');
  }
  if (open) await tx.update(changeRequests).set({ resolvedAt: options.at }).where(eq(changeRequests.id, open.id));
  if (open?.source === 'carrier') {
    await transitionRequest(tx, { request, to: 'approved', actor, at: options.at, event: { changeRequestId: open.id, newProof: options.newProof } });
    const payload: UpdateCarrierOrderPayload = { portRequestId: request.id, changeRequestId: open.id };
    // Picked up by the job worker's next pass (the caller's transaction has not committed yet).
    await scheduleJob(tx, { kind: UPDATE_CARRIER_ORDER_JOB, payload, runAt: options.at, dedupeKey: `${UPDATE_CARRIER_ORDER_JOB}:${open.id}` });
    return;
  }
  await transitionRequest(tx, {
    request,
    to: 'submitted',
    actor,
    at: options.at,
    event: { changeRequestId: open?.id, newProof: options.newProof },
  });
}
