import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { portRequestNumbers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { changeRequestStatus } from '../change-status';
import { notifyRequestUpdate } from '../notify/notify-request-update';
import { findRequestForStaff } from './staff-request';

/** "Start review": the team has the request in hand. */
export async function startReview(db: Database, actor: Actor, requestId: string, version: number): Promise<void> {
  await db.transaction(async (tx) => {
    const request = await findRequestForStaff(tx, actor, requestId);
    await changeRequestStatus(tx, { request, to: 'in_review', actor, expectedVersion: version });
  });
}

/** "Approve": the proof is sufficient and the request goes to the current carrier. */
export async function approveRequest(db: Database, actor: Actor, requestId: string, version: number): Promise<void> {
  await db.transaction(async (tx) => {
    const request = await findRequestForStaff(tx, actor, requestId);
    await changeRequestStatus(tx, { request, to: 'approved', actor, expectedVersion: version });
    await tx
      .update(portRequestNumbers)
      .set({ status: 'approved' })
      .where(and(eq(portRequestNumbers.portRequestId, requestId), eq(portRequestNumbers.status, 'pending')));
    await notifyRequestUpdate(tx, requestId, {
      template: 'request-approved',
      subject: 'Approved and sent to your carrier',
      update: {
        headline: 'Your port request is approved',
        paragraphs: [
          'We reviewed your proof of ownership and Letter of Authorization, and sent the request to your current carrier.',
          'Next, the carrier confirms a port date (the FOC date). We will email you as soon as it is set. Keep your service with them active until the numbers have moved.',
        ],
      },
    });
  });
}
