import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { loaSignatures, portRequests } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordEvent } from '../events/record-event';
import { bumpVersion } from '../lifecycle/transition-request';
import type { PortRequest } from '../port-request-access';
import { voidsSignature, type SignedContent } from './loa/voids-signature';
import type { WizardStepKey } from './steps';

export type DraftFields = Partial<Omit<typeof portRequests.$inferInsert, 'id' | 'accountId' | 'createdByUserId' | 'status' | 'completedSteps' | 'version'>>;

/** The signed fields a save touches, as they were and as they will be (a step's LOA fields). */
export type SignedChange = { before: Partial<SignedContent>; after: Partial<SignedContent> };

/**
 * Saves a step's fields, marks the step complete (when given) and makes a new version of the
 * request, so a staff decision made on a page from before this edit is refused. When the edit
 * changes what the LOA says (voidsSignature decides), a signature given earlier no longer covers
 * the request: it is voided, with the reason, and the LOA must be signed again.
 */
export async function saveStep(
  tx: Transaction,
  /** Null for a signer who is not a platform user (the LOA signed through an emailed link). */
  actor: Actor | null,
  request: PortRequest,
  options: { step?: WizardStepKey; uncomplete?: WizardStepKey[]; fields: DraftFields; signed?: SignedChange; at?: Date },
): Promise<PortRequest> {
  const at = options.at ?? new Date();
  let steps = options.step && !request.completedSteps.includes(options.step) ? [...request.completedSteps, options.step] : [...request.completedSteps];
  if (options.uncomplete) steps = steps.filter((s) => !options.uncomplete!.includes(s as WizardStepKey));
  let pendingSignature = {};
  const verdict = options.signed ? voidsSignature(options.signed.before, options.signed.after) : { voided: false as const };
  if (verdict.voided) {
    const voided = await tx
      .update(loaSignatures)
      .set({ voidedAt: at, voidReason: verdict.reason })
      .where(and(eq(loaSignatures.portRequestId, request.id), isNull(loaSignatures.voidedAt)))
      .returning({ id: loaSignatures.id });
    if (voided.length > 0 || request.pendingSignature) {
      steps = steps.filter((s) => s !== 'loa');
      pendingSignature = { pendingSignature: null };
    }
    if (voided.length > 0) await recordEvent(tx, { requestId: request.id, actor, at }, { type: 'loa_voided', reason: verdict.reason });
  }
  const saved = await bumpVersion(tx, request, undefined, { ...options.fields, ...pendingSignature, completedSteps: steps }, at);
  // While fixing what the team asked for, every correction is on the record they will review.
  if (request.status === 'changes_needed' && options.step) {
    await recordEvent(tx, { requestId: request.id, actor, at }, { type: 'corrected', step: options.step });
  }
  return saved;
}
