import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database, Queryable, Transaction } from '@/db/client';
import { loaSignatures, portRequests, proofFiles } from '@/db/schema';
import { canUseAccount, type Actor } from '@/lib/auth/actor';
import { StateError } from '@/lib/errors';
import { formatPhoneNumber } from '@/lib/phone/format';
import { isCustomerEditable } from '../lifecycle/statuses';
import { transitionRequest } from '../lifecycle/transition-request';
import { findPortRequest, type PortRequest } from '../port-request-access';
import { findTakenNumbers } from '../submission/find-taken-numbers';
import { resubmitAfterChanges } from '../submission/resubmit-after-changes';
import { splitDraft } from '../submission/split-draft';
import { discardStoredProof, recordProofFiles, storeProof, type ProofUpload } from '../submission/store-proof';
import { appStorage, type ObjectStore } from './object-store';
import { missingStepsBefore } from './steps';

// Step 8, Proof of Ownership: its save is the submission. The files are checked by lib/porting/proof
// (the client form reads its limits too); sending is lib/porting/submission.

export type { ProofUpload };
export type SubmitOutcome = { requestIds: string[]; alreadySubmitted: boolean };

const SIGN_AGAIN = 'The Letter of Authorization must be signed again before sending. Open step 7.';

/**
 * "Send Proof of Ownership" (or "Resubmit" after changes): stores the proof files, then in one
 * transaction records them and moves the request to submitted (the confirmation email follows from
 * the status change). Submitting twice (double click, replayed POST, a second tab) finds the request
 * already submitted and changes nothing.
 */
export async function submitPortRequest(
  db: Database,
  actor: Actor,
  requestId: string,
  uploads: ProofUpload[],
  now = new Date(),
  storage: ObjectStore = appStorage,
): Promise<SubmitOutcome> {
  // Before anything is uploaded: the request exists for this actor, and the actor is its account's.
  const visible = await findPortRequest(db, actor, requestId);
  if (actor.isStaff || !canUseAccount(actor, visible.accountId)) throw new StateError('Only the account can submit its request.');
  const stored = await storeProof(requestId, uploads, storage);
  try {
    const outcome = await db.transaction(async (tx): Promise<SubmitOutcome> => {
      // The locked request decides: a second submit waits here, then finds it sent.
      const request = await findPortRequest(tx, actor, requestId, { forUpdate: true });
      if (!isCustomerEditable(request.status)) return { requestIds: await siblingsOf(tx, actor, request), alreadySubmitted: true };
      const missing = missingStepsBefore('proof', request.completedSteps);
      if (missing.length) {
        throw new StateError(missing.length === 1 && missing[0] === 'loa' ? SIGN_AGAIN : 'Some earlier steps are not finished yet. Complete them, then send your proof.');
      }
      await requireActiveSignature(tx, requestId);
      const taken = await findTakenNumbers(tx, requestId);
      if (taken.length) {
        throw new StateError(
          `${taken.map(formatPhoneNumber).join(', ')} ${taken.length === 1 ? 'is' : 'are'} already on the platform or in another port request. Remove ${taken.length === 1 ? 'it' : 'them'} in step 3 (Numbers to Port), then send again.`,
        );
      }
      await recordProofFiles(tx, actor, requestId, stored);
      if (request.status === 'changes_needed') {
        await resubmitAfterChanges(tx, actor, request, { newProof: stored.length > 0, at: now });
        return { requestIds: [requestId], alreadySubmitted: false };
      }
      const [{ proofCount }] = await tx
        .select({ proofCount: sql<number>`count(*)::int` })
        .from(proofFiles)
        .where(eq(proofFiles.portRequestId, requestId));
      if (proofCount === 0) throw new StateError('Add a bill or a screenshot that shows you own the numbers.');
      const parts = await splitDraft(tx, request);
      // Whoever sends a request must be able to follow it: an agency member cannot send numbers into a client's account.
      const unusable = parts.find((p) => !canUseAccount(actor, p.request.accountId));
      if (unusable) {
        throw new StateError(
          `Some of these numbers will live in ${unusable.moved?.to ?? 'another account'}, which you cannot use. Ask an admin of that account to send the request, or remove those numbers in step 3 (Numbers to Port).`,
        );
      }
      for (const part of parts) {
        // Each account hears of its own requests only: its users, its webhooks and the submission
        // email filed under it name the siblings in the same account, never another client's.
        const siblings = parts.filter((p) => p.request.accountId === part.request.accountId).map((p) => p.request.id);
        await transitionRequest(tx, {
          request: part.request,
          to: 'submitted',
          actor,
          at: now,
          fields: { submittedAt: now, pendingSignature: null },
          event: { group: part.group, ...(parts.length > 1 && { siblings }), ...(part.moved && { account: part.moved }) },
        });
      }
      return { requestIds: parts.map((p) => p.request.id), alreadySubmitted: false };
    });
    if (outcome.alreadySubmitted) await discardStoredProof(stored, storage);
    return outcome;
  } catch (error) {
    await discardStoredProof(stored, storage);
    throw error;
  }
}

async function requireActiveSignature(tx: Transaction, requestId: string) {
  const [signature] = await tx
    .select({ id: loaSignatures.id })
    .from(loaSignatures)
    .where(and(eq(loaSignatures.portRequestId, requestId), isNull(loaSignatures.voidedAt)));
  if (!signature) throw new StateError(SIGN_AGAIN);
}

/** The requests a submitted draft became, as far as the caller may see them (siblings can be other accounts'). */
async function siblingsOf(db: Queryable, actor: Actor, request: PortRequest) {
  if (!request.siblingGroupId) return [request.id];
  const rows = await db.select({ id: portRequests.id, accountId: portRequests.accountId }).from(portRequests).where(eq(portRequests.siblingGroupId, request.siblingGroupId));
  return rows.filter((r) => canUseAccount(actor, r.accountId)).map((r) => r.id);
}
