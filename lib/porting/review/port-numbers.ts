import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { alternateRoutings, trackingNumbers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { StateError } from '@/lib/errors';
import { scheduleJob } from '@/lib/jobs/run-due-jobs';
import { addBusinessDays, todayUtc } from '../business-days';
import { recordEvent } from '../events/record-event';
import { transitionNumbers, type RequestNumber } from '../lifecycle/transition-numbers';
import { bumpVersion } from '../lifecycle/transition-request';
import type { PortRequest } from '../port-request-access';
import { SMS_ACTIVATION_BUSINESS_DAYS } from '../promises';
import { ACTIVATE_SMS_JOB, type ActivateSmsPayload } from './sms-activation';
import { settleRequest } from './settle-request';

/**
 * "Port these numbers", for the team's "Mark ported" and the carrier's "ported" alike. Each number
 * becomes a tracking number of its account, forwarding to its receiving number with its source:
 * voice at once, SMS pending until the activation job runs (or the carrier says messaging ported).
 * Tracking numbers that forwarded to a ported number get the alternate routing chosen in the
 * request. Then the request completes when no number is still moving. In the caller's transaction,
 * with the request locked.
 */
export async function portNumbers(
  tx: Transaction,
  options: { request: PortRequest; numbers: readonly RequestNumber[]; actor: Actor | null; now: Date; expectedVersion?: number; via?: 'carrier' },
): Promise<{ trackingNumberIds: string[]; smsActivationAt: Date }> {
  const { request, numbers: candidates, actor, now, via } = options;
  const requestId = request.id;
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
  const trackingNumberIds = created.map((c) => c.id);
  const payload: ActivateSmsPayload = { portRequestId: requestId, trackingNumberIds };
  await scheduleJob(tx, { kind: ACTIVATE_SMS_JOB, payload, runAt: smsAt, dedupeKey: `${ACTIVATE_SMS_JOB}:${[...trackingNumberIds].sort().join(',')}` });

  await bumpVersion(tx, request, options.expectedVersion, {}, now);
  await recordEvent(
    tx,
    { requestId, actor, at: now },
    { type: 'numbers_ported', numbers: candidates.map((c) => c.number), reroutedTrackingNumbers: routings.length, smsActivationAt: smsAt.toISOString(), ...(via ? { via } : {}) },
  );
  await settleRequest(tx, actor, requestId, now, via);
  return { trackingNumberIds, smsActivationAt: smsAt };
}
