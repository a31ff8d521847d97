import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { alternateRoutings, trackingNumbers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { StateError } from '@/lib/errors';
import { scheduleJob } from '@/lib/jobs/run-due-jobs';
import { addBusinessDays, todayUtc } from '../business-days';
import { recordEvent } from '../events/record-event';
import { canTransitionNumber } from '../lifecycle/statuses';
import { transitionNumbers } from '../lifecycle/transition-numbers';
import { bumpVersion } from '../lifecycle/transition-request';
import { SMS_ACTIVATION_BUSINESS_DAYS } from '../promises';
import { ACTIVATE_SMS_JOB, type ActivateSmsPayload } from './sms-activation';
import { settleRequest } from './settle-request';
import { openDecision } from './staff-request';

export const markPortedSchema = z.object({
  numberIds: z.array(z.uuid()).default([]),
  version: z.coerce.number().int().positive(),
});

/**
 * Marks numbers ported (all that may port when none are chosen). Each becomes a tracking number of
 * its account, forwarding to its receiving number with its source: voice at once, SMS pending
 * until the activation job runs. Tracking numbers that forwarded to a ported number get the
 * alternate routing chosen in the request.
 */
export async function markPorted(db: Database, actor: Actor, requestId: string, input: z.infer<typeof markPortedSchema>, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const { request, numbers } = await openDecision(tx, actor, requestId, 'mark_ported', input.version);
    const candidates = input.numberIds.length ? numbers.filter((n) => input.numberIds.includes(n.id)) : numbers.filter((n) => canTransitionNumber(n.status, 'ported'));
    if (candidates.length !== (input.numberIds.length ? new Set(input.numberIds).size : candidates.length)) throw new StateError('Some chosen numbers are not part of this request.');
    if (candidates.length === 0) throw new StateError('There is no approved or scheduled number to mark ported.');

    const existing = await tx
      .select({ number: trackingNumbers.number })
      .from(trackingNumbers)
      .where(inArray(trackingNumbers.number, candidates.map((c) => c.number)));
    if (existing.length) {
      throw new StateError(`Already tracking numbers on the platform: ${existing.map((e) => e.number).join(', ')}. Reject them in this request instead.`);
    }
    await transitionNumbers(tx, candidates, 'ported', { portedAt: now });
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

    await bumpVersion(tx, request, input.version, {}, now);
    await recordEvent(
      tx,
      { requestId, actor, at: now },
      { type: 'numbers_ported', numbers: candidates.map((c) => c.number), reroutedTrackingNumbers: routings.length, smsActivationAt: smsAt.toISOString() },
    );
    await settleRequest(tx, actor, requestId, now);
  });
}
