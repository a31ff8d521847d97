import 'server-only';
import { and, eq, gt } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { changeRequests, portRequestEvents } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { StateError } from '@/lib/errors';
import { changeRequestStatus } from '../change-status';
import { notifyRequestUpdate } from '../notify/notify-request-update';
import { asksForNewPin, findOpenChangeRequest } from '../review/open-change-request';
import type { PortRequest } from '../port-request-access';

/** "Resubmit": the customer fixed what the team asked for; the request goes back to the queue. */
export async function resubmitAfterChanges(tx: Transaction, actor: Actor, request: PortRequest, options: { newProof: boolean; at: Date }) {
  const open = await findOpenChangeRequest(tx, request.id);
  if (open?.reasons.some((r) => r.code === 'proof_unreadable') && !options.newProof) {
    throw new StateError('Our team asked for new proof of ownership: add a bill or screenshot before resubmitting.');
  }
  if (open && asksForNewPin(open)) {
    const [replaced] = await tx
      .select({ id: portRequestEvents.id })
      .from(portRequestEvents)
      .where(and(eq(portRequestEvents.portRequestId, request.id), eq(portRequestEvents.type, 'pin_replaced'), gt(portRequestEvents.createdAt, open.createdAt)))
      .limit(1);
    if (!replaced) throw new StateError('Our team asked for a new account PIN: enter it in step 4 (Customer), then resubmit.');
  }
  if (open) await tx.update(changeRequests).set({ resolvedAt: options.at }).where(eq(changeRequests.id, open.id));
  await changeRequestStatus(tx, {
    request,
    to: 'submitted',
    actor,
    at: options.at,
    reason: 'Resubmitted with the requested changes',
    data: { changeRequestId: open?.id, newProof: options.newProof },
  });
  await notifyRequestUpdate(tx, request.id, {
    template: 'request-resubmitted',
    subject: 'Resubmitted',
    update: {
      headline: 'Your corrected request is back with our team',
      paragraphs: ['Thank you for the changes. Our team reviews the request again and writes to you with the next step.'],
    },
  });
}
