import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { alternateRoutings, portRequestEvents, portRequestNumbers, portRequests, trackingNumbers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { StateError } from '@/lib/errors';
import { scheduleJob } from '@/lib/jobs/run-due-jobs';
import { formatPhoneNumber } from '@/lib/phone/format';
import { addBusinessDays, todayUtc } from '../business-days';
import { notifyRequestUpdate } from '../notify/notify-request-update';
import { canTransitionNumber } from '../status';
import { ACTIVATE_SMS_JOB, type ActivateSmsPayload } from './sms-activation';
import { settleRequest } from './settle-request';
import { findRequestForStaff } from './staff-request';

// Carriers take 2-3 business days to update SMS routing after a port; we activate after 3.
export const SMS_ACTIVATION_BUSINESS_DAYS = 3;

export const markPortedSchema = z.object({
  numberIds: z.array(z.uuid()).default([]),
  version: z.coerce.number().int().positive(),
});

/**
 * Marks numbers ported (all approved/scheduled ones when none are chosen). Each becomes a tracking
 * number of its account, forwarding to its receiving number with its source: voice at once, SMS
 * pending until the activation job runs. Tracking numbers that forwarded to a ported number get
 * the alternate routing chosen in the request.
 */
export async function markPorted(db: Database, actor: Actor, requestId: string, input: z.infer<typeof markPortedSchema>, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const request = await findRequestForStaff(tx, actor, requestId);
    if (request.version !== input.version) throw new StateError('This request changed while you were looking at it. Reload the page, then try again.');
    if (!['approved', 'scheduled'].includes(request.status)) throw new StateError('Numbers can be marked ported once the request is approved or scheduled.');
    const candidates = await tx
      .select()
      .from(portRequestNumbers)
      .where(
        and(
          eq(portRequestNumbers.portRequestId, requestId),
          input.numberIds.length ? inArray(portRequestNumbers.id, input.numberIds) : inArray(portRequestNumbers.status, ['approved', 'scheduled']),
        ),
      );
    if (candidates.length === 0) throw new StateError('There is no approved or scheduled number to mark ported.');
    const refused = candidates.filter((n) => !canTransitionNumber(n.status, 'ported'));
    if (refused.length) throw new StateError(`Cannot mark ported: ${refused.map((n) => `${n.number} (${n.status})`).join(', ')}.`);

    const existing = await tx
      .select({ number: trackingNumbers.number })
      .from(trackingNumbers)
      .where(inArray(trackingNumbers.number, candidates.map((c) => c.number)));
    if (existing.length) {
      throw new StateError(`Already tracking numbers on the platform: ${existing.map((e) => e.number).join(', ')}. Reject them in this request instead.`);
    }
    await tx.update(portRequestNumbers).set({ status: 'ported', portedAt: now }).where(inArray(portRequestNumbers.id, candidates.map((c) => c.id)));
    const created = await tx
      .insert(trackingNumbers)
      .values(
        candidates.map((n) => ({
          accountId: n.targetAccountId,
          number: n.number,
          receivingNumber: n.receivingNumber,
          trackingSourceId: n.trackingSourceId,
          voiceStatus: 'active' as const,
          // NANP numbers do not tell mobile from fixed: treat them as non-mobile, SMS after the carriers' update.
          smsStatus: 'pending' as const,
          portRequestId: requestId,
        })),
      )
      .returning({ id: trackingNumbers.id });

    const routings = await tx
      .select()
      .from(alternateRoutings)
      .where(and(eq(alternateRoutings.portRequestId, requestId), inArray(alternateRoutings.portingNumber, candidates.map((c) => c.number))));
    for (const r of routings) {
      await tx.update(trackingNumbers).set({ receivingNumber: r.newReceivingNumber }).where(eq(trackingNumbers.id, r.trackingNumberId));
    }

    const smsAt = addBusinessDays(todayUtc(now), SMS_ACTIVATION_BUSINESS_DAYS);
    smsAt.setUTCHours(15);
    const payload: ActivateSmsPayload = { portRequestId: requestId, trackingNumberIds: created.map((c) => c.id) };
    await scheduleJob(tx, { kind: ACTIVATE_SMS_JOB, payload, runAt: smsAt, dedupeKey: `${ACTIVATE_SMS_JOB}:${created.map((c) => c.id).sort().join(',')}` });

    await tx.update(portRequests).set({ version: request.version + 1, updatedAt: now }).where(eq(portRequests.id, requestId));
    await tx.insert(portRequestEvents).values({
      portRequestId: requestId,
      actorUserId: actor.userId,
      type: 'numbers_ported',
      data: { numbers: candidates.map((c) => c.number), reroutedTrackingNumbers: routings.length, smsActivationAt: smsAt.toISOString() },
      createdAt: now,
    });
    await settleRequest(tx, actor, requestId, now);
    await notifyRequestUpdate(tx, requestId, {
      template: 'numbers-ported',
      subject: candidates.length === 1 ? 'Your number has ported' : `${candidates.length} numbers have ported`,
      update: {
        headline: candidates.length === 1 ? 'Your number is on the platform' : 'Your numbers are on the platform',
        paragraphs: [
          'Calls to these numbers now ring on the platform and are tracked with the source you chose.',
          `Texting follows in 2-3 business days, once all carriers have updated their routing records (we expect ${smsAt.toISOString().slice(0, 10)}). Until then your numbers panel says "SMS is not supported"; that is expected.`,
          ...(routings.length ? [`${routings.length} tracking number(s) that rang a ported number now forward to the alternate number you chose.`] : []),
          'You can now close the account with your previous carrier for these numbers.',
        ],
        items: candidates.map((c) => ({ title: formatPhoneNumber(c.number) })),
      },
    });
  });
}
