import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import { trackingNumbers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordEvent } from '../events/record-event';
import { canDecideSms } from '../lifecycle/statuses';
import { openDecision } from './staff-request';

export const ACTIVATE_SMS_JOB = 'activate-sms';
export type ActivateSmsPayload = { portRequestId: string; trackingNumberIds: string[] };

/** Turns SMS on for ported numbers still waiting for carriers' routing updates; the event tells the recipients. */
export async function activateSms(tx: Transaction, payload: ActivateSmsPayload, now: Date, actor: Actor | null = null, via?: 'carrier'): Promise<number> {
  if (payload.trackingNumberIds.length === 0) return 0;
  const activated = await tx
    .update(trackingNumbers)
    .set({ smsStatus: 'active', smsActivatedAt: now })
    .where(and(inArray(trackingNumbers.id, payload.trackingNumberIds), eq(trackingNumbers.smsStatus, 'pending')))
    .returning({ number: trackingNumbers.number });
  if (activated.length === 0) return 0;
  await recordEvent(tx, { requestId: payload.portRequestId, actor, at: now }, { type: 'sms_activated', numbers: activated.map((a) => a.number), ...(via ? { via } : {}) });
  return activated.length;
}

/** The request's numbers the status machine lets the team decide SMS for. */
async function numbersForSmsDecision(tx: Transaction, actor: Actor, requestId: string, expectedVersion?: number): Promise<string[]> {
  const { numbers } = await openDecision(tx, actor, requestId, 'decide_sms', expectedVersion);
  return numbers.filter((n) => canDecideSms(n.status)).map((n) => n.number);
}

/** The team turns SMS on before the scheduled job, e.g. when the carrier confirms early. */
export async function activateSmsNow(db: Database, actor: Actor, requestId: string, now = new Date(), expectedVersion?: number): Promise<number> {
  return db.transaction(async (tx) => {
    const ported = await numbersForSmsDecision(tx, actor, requestId, expectedVersion);
    const pending = await tx
      .select({ id: trackingNumbers.id })
      .from(trackingNumbers)
      .where(and(eq(trackingNumbers.portRequestId, requestId), inArray(trackingNumbers.number, ported), eq(trackingNumbers.smsStatus, 'pending')));
    return activateSms(tx, { portRequestId: requestId, trackingNumberIds: pending.map((p) => p.id) }, now, actor);
  });
}

/** The team marks SMS as an exception for numbers whose activation failed, so nobody waits silently. */
export async function markSmsException(db: Database, actor: Actor, requestId: string, reason: string, now = new Date(), expectedVersion?: number): Promise<void> {
  await db.transaction(async (tx) => {
    const ported = await numbersForSmsDecision(tx, actor, requestId, expectedVersion);
    const marked = await tx
      .update(trackingNumbers)
      .set({ smsStatus: 'exception' })
      .where(and(eq(trackingNumbers.portRequestId, requestId), inArray(trackingNumbers.number, ported), eq(trackingNumbers.smsStatus, 'pending')))
      .returning({ number: trackingNumbers.number });
    await recordEvent(tx, { requestId, actor, at: now }, { type: 'sms_exception', reason, numbers: marked.map((m) => m.number) });
  });
}
