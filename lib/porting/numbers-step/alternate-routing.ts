import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Queryable } from '@/db/client';
import { alternateRoutings, portRequestNumbers, trackingNumbers } from '@/db/schema';
import { accountScope, type Actor } from '@/lib/auth/actor';
import { StateError } from '@/lib/errors';
import { parsePortNumber } from '../numbers/parse-port-number';
import { findEditableDraft, type PortRequest } from '../port-request-access';
import { saveDraftStep } from '../drafts/save-draft-step';

export type ForwardingTrackingNumber = {
  trackingNumberId: string;
  trackingNumber: string;
  portingNumber: string;
  newReceivingNumber: string | null;
};

/**
 * Tracking numbers of the user's accounts that forward to a number in the draft. Once that number
 * ports, calls to them would loop back: each needs another receiving number.
 */
export async function listForwardingTrackingNumbers(db: Queryable, actor: Actor, request: PortRequest): Promise<ForwardingTrackingNumber[]> {
  const scope = accountScope(actor, request.accountId);
  if (scope.length === 0) return [];
  return db
    .select({
      trackingNumberId: trackingNumbers.id,
      trackingNumber: trackingNumbers.number,
      portingNumber: trackingNumbers.receivingNumber,
      newReceivingNumber: alternateRoutings.newReceivingNumber,
    })
    .from(portRequestNumbers)
    .innerJoin(trackingNumbers, eq(trackingNumbers.receivingNumber, portRequestNumbers.number))
    .leftJoin(alternateRoutings, and(eq(alternateRoutings.portRequestId, request.id), eq(alternateRoutings.trackingNumberId, trackingNumbers.id)))
    .where(and(eq(portRequestNumbers.portRequestId, request.id), inArray(trackingNumbers.accountId, scope)))
    .orderBy(asc(trackingNumbers.number));
}

/** Saves the new receiving numbers chosen for forwarding tracking numbers (by tracking number id). */
export async function saveAlternateRouting(db: Database, actor: Actor, requestId: string, choices: Record<string, string>): Promise<Record<string, string>> {
  return db.transaction(async (tx) => {
    const request = await findEditableDraft(tx, actor, requestId, 'numbers');
    const forwarding = await listForwardingTrackingNumbers(tx, actor, request);
    const ported = new Set(
      (await tx.select({ n: portRequestNumbers.number }).from(portRequestNumbers).where(eq(portRequestNumbers.portRequestId, requestId))).map((r) => r.n),
    );
    const errors: Record<string, string> = {};
    for (const f of forwarding) {
      const raw = choices[f.trackingNumberId]?.trim();
      if (!raw) continue;
      const parsed = parsePortNumber(raw);
      if (!parsed.ok) {
        errors[f.trackingNumberId] = parsed.code === 'international' ? 'Enter a US or Canadian number.' : parsed.message;
        continue;
      }
      if (ported.has(parsed.e164)) {
        errors[f.trackingNumberId] = 'That number is being ported too; choose a number that stays where it is.';
        continue;
      }
      await tx
        .insert(alternateRoutings)
        .values({ portRequestId: requestId, trackingNumberId: f.trackingNumberId, portingNumber: f.portingNumber, newReceivingNumber: parsed.e164 })
        .onConflictDoUpdate({
          target: [alternateRoutings.portRequestId, alternateRoutings.trackingNumberId],
          set: { newReceivingNumber: parsed.e164, portingNumber: f.portingNumber },
        });
    }
    await saveDraftStep(tx, actor, request, { fields: {} });
    return errors;
  });
}

/** "Continue" on Numbers to Port: at least one number, and a new route for every forwarding tracking number. */
export async function completeNumbersStep(db: Database, actor: Actor, requestId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const request = await findEditableDraft(tx, actor, requestId, 'numbers');
    const [{ count }] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(portRequestNumbers)
      .where(eq(portRequestNumbers.portRequestId, requestId));
    if (count === 0) throw new StateError('No numbers are in this request yet: numbers typed or chosen above count once you select “Add to request”. Add them, then continue.');
    const unrouted = (await listForwardingTrackingNumbers(tx, actor, request)).filter((f) => !f.newReceivingNumber);
    if (unrouted.length) {
      throw new StateError(
        `Choose where ${unrouted.length === 1 ? 'tracking number' : `${unrouted.length} tracking numbers`} ${unrouted.map((u) => u.trackingNumber).join(', ')} should forward once the number they ring today has ported.`,
      );
    }
    await saveDraftStep(tx, actor, request, { step: 'numbers', fields: {} });
  });
}
