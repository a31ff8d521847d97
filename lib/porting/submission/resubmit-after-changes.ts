import 'server-only';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { changeRequests } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { StateError } from '@/lib/errors';
import { changeRequestStatus } from '../change-status';
import { notifyRequestUpdate } from '../notify/notify-request-update';
import type { PortRequest } from '../port-request-access';

/** "Resubmit": the customer fixed what the team asked for; the request goes back to the queue. */
export async function resubmitAfterChanges(tx: Transaction, actor: Actor, request: PortRequest, options: { newProof: boolean; at: Date }) {
  const [open] = await tx
    .select()
    .from(changeRequests)
    .where(and(eq(changeRequests.portRequestId, request.id), isNull(changeRequests.resolvedAt)))
    .orderBy(desc(changeRequests.createdAt))
    .limit(1);
  if (open?.reasons.some((r) => r.code === 'proof_unreadable') && !options.newProof) {
    throw new StateError('Our team asked for new proof of ownership: add a bill or screenshot before resubmitting.');
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
