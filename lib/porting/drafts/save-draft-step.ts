import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { loaSignatures, portRequestEvents, portRequests } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import type { WizardStepKey } from '../wizard-steps';
import { withStep, type PortRequest } from '../port-request-access';

type DraftFields = Partial<Omit<typeof portRequests.$inferInsert, 'id' | 'accountId' | 'createdByUserId' | 'status' | 'completedSteps'>>;

/**
 * Saves a step's fields and marks the step complete (when given). The LOA authorizes exactly what it lists: when
 * `changesSignedContent` (name, address, account number, carrier or numbers changed), a signature
 * given earlier no longer covers the request and is voided, so the LOA must be signed again.
 */
export async function saveDraftStep(
  tx: Transaction,
  actor: Actor,
  request: PortRequest,
  options: { step?: WizardStepKey; uncomplete?: WizardStepKey[]; fields: DraftFields; changesSignedContent?: string },
): Promise<void> {
  let steps = options.step ? withStep(request.completedSteps, options.step) : [...request.completedSteps];
  if (options.uncomplete) steps = steps.filter((s) => !options.uncomplete!.includes(s as WizardStepKey));
  let pendingSignature = {};
  if (options.changesSignedContent) {
    const voided = await tx
      .update(loaSignatures)
      .set({ voidedAt: new Date(), voidReason: options.changesSignedContent })
      .where(and(eq(loaSignatures.portRequestId, request.id), isNull(loaSignatures.voidedAt)))
      .returning({ id: loaSignatures.id });
    if (voided.length > 0 || request.pendingSignature) {
      steps = steps.filter((s) => s !== 'loa');
      pendingSignature = { pendingSignature: null };
    }
    if (voided.length > 0) {
      await tx.insert(portRequestEvents).values({
        portRequestId: request.id,
        actorUserId: actor.userId,
        type: 'loa_voided',
        reason: options.changesSignedContent,
      });
    }
  }
  await tx
    .update(portRequests)
    // A new version, so a staff decision made on a page from before this edit is refused.
    .set({ ...options.fields, ...pendingSignature, completedSteps: steps, version: sql`${portRequests.version} + 1`, updatedAt: new Date() })
    .where(eq(portRequests.id, request.id));
  // While fixing what the team asked for, every correction is on the record they will review.
  if (request.status === 'changes_needed' && options.step) {
    await tx.insert(portRequestEvents).values({ portRequestId: request.id, actorUserId: actor.userId, type: 'corrected', data: { step: options.step } });
  }
}
