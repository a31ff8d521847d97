import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database, Queryable } from '@/db/client';
import { alternateRoutings, portRequestNumbers, trackingNumbers } from '@/db/schema';
import { accountScope, type Actor } from '@/lib/auth/actor';
import type { PortRequest } from '../../port-request-access';
import { findEditableDraft } from '../editable-draft';
import { saveStep } from '../save-step';
import { parsePortNumber } from './parse-port-number';

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
export async function saveAlternateRouting(db: Database, actor: Actor, requestId: string, choices: Record<string, string>, now = new Date()): Promise<Record<string, string>> {
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
    // Not on the letter: a new route leaves the signature as it is.
    await saveStep(tx, actor, request, { fields: {}, at: now });
    return errors;
  });
}
