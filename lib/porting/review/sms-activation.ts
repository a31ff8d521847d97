import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import { portRequestEvents, portRequestNumbers, trackingNumbers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { StateError } from '@/lib/errors';
import { canDecideSms } from '../status';
import { findRequestForStaff } from './staff-request';
import { formatPhoneNumber } from '@/lib/phone/format';
import { notifyRequestUpdate } from '../notify/notify-request-update';

export const ACTIVATE_SMS_JOB = 'activate-sms';
export type ActivateSmsPayload = { portRequestId: string; trackingNumberIds: string[] };

/** Turns SMS on for ported numbers still waiting for carriers' routing updates, and tells the recipients. */
export async function activateSms(tx: Transaction, payload: ActivateSmsPayload, now: Date, actorUserId?: string): Promise<number> {
  if (payload.trackingNumberIds.length === 0) return 0;
  const activated = await tx
    .update(trackingNumbers)
    .set({ smsStatus: 'active', smsActivatedAt: now })
    .where(and(inArray(trackingNumbers.id, payload.trackingNumberIds), eq(trackingNumbers.smsStatus, 'pending')))
    .returning({ number: trackingNumbers.number });
  if (activated.length === 0) return 0;
  await tx.insert(portRequestEvents).values({
    portRequestId: payload.portRequestId,
    actorUserId,
    type: 'sms_activated',
    data: { numbers: activated.map((a) => a.number) },
    createdAt: now,
  });
  await notifyRequestUpdate(tx, payload.portRequestId, {
    template: 'sms-enabled',
    subject: 'Text messaging is on',
    update: {
      headline: 'Your ported numbers can now send and receive texts',
      paragraphs: ['Carriers have updated their routing records, and SMS is active on these numbers. Your numbers panel no longer says "SMS is not supported".'],
      items: activated.map((a) => ({ title: formatPhoneNumber(a.number) })),
    },
  });
  return activated.length;
}

/** The request's numbers the status machine lets the team decide SMS for; refused when there is none. */
async function numbersForSmsDecision(tx: Transaction, requestId: string): Promise<string[]> {
  const numbers = await tx.select({ number: portRequestNumbers.number, status: portRequestNumbers.status }).from(portRequestNumbers).where(eq(portRequestNumbers.portRequestId, requestId));
  const decidable = numbers.filter((n) => canDecideSms(n.status)).map((n) => n.number);
  if (decidable.length === 0) throw new StateError('SMS can be decided only for ported numbers, and no number of this request has ported yet. Mark the numbers ported first.');
  return decidable;
}

/** The team turns SMS on before the scheduled job, e.g. when the carrier confirms early. */
export async function activateSmsNow(db: Database, actor: Actor, requestId: string, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    await findRequestForStaff(tx, actor, requestId);
    const ported = await numbersForSmsDecision(tx, requestId);
    const pending = await tx
      .select({ id: trackingNumbers.id })
      .from(trackingNumbers)
      .where(and(eq(trackingNumbers.portRequestId, requestId), inArray(trackingNumbers.number, ported), eq(trackingNumbers.smsStatus, 'pending')));
    return activateSms(tx, { portRequestId: requestId, trackingNumberIds: pending.map((p) => p.id) }, now, actor.userId);
  });
}

/** The team marks SMS as an exception for numbers whose activation failed, so nobody waits silently. */
export async function markSmsException(db: Database, actor: Actor, requestId: string, reason: string, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    await findRequestForStaff(tx, actor, requestId);
    const ported = await numbersForSmsDecision(tx, requestId);
    const marked = await tx
      .update(trackingNumbers)
      .set({ smsStatus: 'exception' })
      .where(and(eq(trackingNumbers.portRequestId, requestId), inArray(trackingNumbers.number, ported), eq(trackingNumbers.smsStatus, 'pending')))
      .returning({ number: trackingNumbers.number });
    await tx.insert(portRequestEvents).values({ portRequestId: requestId, actorUserId: actor.userId, type: 'sms_exception', reason, data: { numbers: marked.map((m) => m.number) }, createdAt: now });
    if (marked.length === 0) return;
    await notifyRequestUpdate(tx, requestId, {
      template: 'sms-exception',
      subject: 'Texting needs more time',
      update: {
        headline: 'Text messaging is delayed on some ported numbers',
        paragraphs: [`Calls work as usual. Turning on SMS needs more work with the carriers: ${reason}. Our team follows it up and writes to you in the notes.`],
        items: marked.map((m) => ({ title: formatPhoneNumber(m.number) })),
      },
    });
  });
}
