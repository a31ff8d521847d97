import 'server-only';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Database, Queryable, Transaction } from '@/db/client';
import { loaSignatures, portRequestNumbers, portRequests, proofFiles } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { getEnv } from '@/lib/config/env';
import { StateError } from '@/lib/errors';
import { sendEmail } from '@/lib/mail/send-email';
import { formatPhoneNumber } from '@/lib/phone/format';
import { PortSubmittedEmail } from '@/emails/port-submitted';
import { changeRequestStatus } from '../change-status';
import { estimatedCompletion, NUMBER_GROUP_LABELS } from '../estimate';
import { findPortRequest, type PortRequest } from '../port-request-access';
import { findTakenNumbers } from './find-taken-numbers';
import { resubmitAfterChanges } from './resubmit-after-changes';
import { splitByNumberGroup } from './split-by-group';
import { discardStoredProof, recordProofFiles, storeProof, type ProofUpload } from './store-proof';

export type { ProofUpload };
export type SubmitOutcome = { requestIds: string[]; alreadySubmitted: boolean };

const STEPS_BEFORE_PROOF = ['carrier', 'numbers', 'customer', 'address', 'agreement', 'loa'];

class AlreadySubmitted extends Error {
  constructor(readonly requestIds: string[]) {
    super('already submitted');
  }
}

/**
 * "Send Proof of Ownership" (or "Resubmit" after changes): stores the proof files, then in one
 * transaction records them, moves the request to submitted and queues the email. Submitting twice
 * (double click, replayed POST, a second tab) finds the request already submitted and changes nothing.
 */
export async function submitPortRequest(db: Database, actor: Actor, requestId: string, uploads: ProofUpload[], now = new Date()): Promise<SubmitOutcome> {
  const request = await findPortRequest(db, actor, requestId);
  if (actor.isStaff || !actor.accounts.some((a) => a.id === request.accountId)) throw new StateError('Only the account can submit its request.');
  const stored = await storeProof(requestId, uploads);
  if (request.status !== 'draft' && request.status !== 'changes_needed') {
    await discardStoredProof(stored);
    return { requestIds: await siblingsOf(db, request.id, request.siblingGroupId), alreadySubmitted: true };
  }
  const missing = STEPS_BEFORE_PROOF.filter((s) => !request.completedSteps.includes(s));
  if (missing.length) {
    await discardStoredProof(stored);
    throw new StateError(
      missing.length === 1 && missing[0] === 'loa'
        ? 'The Letter of Authorization must be signed again before sending. Open step 7.'
        : 'Some earlier steps are not finished yet. Complete them, then send your proof.',
    );
  }

  try {
    return await db.transaction(async (tx) => {
      const current = await findPortRequest(tx, actor, requestId, { forUpdate: true });
      // Lost a race to a second submit: that one recorded everything.
      if (current.status !== request.status) throw new AlreadySubmitted(await siblingsOf(tx, current.id, current.siblingGroupId));
      await requireActiveSignature(tx, requestId);
      const taken = await findTakenNumbers(tx, requestId);
      if (taken.length) {
        throw new StateError(
          `${taken.map(formatPhoneNumber).join(', ')} ${taken.length === 1 ? 'is' : 'are'} already on the platform or in another port request. Remove ${taken.length === 1 ? 'it' : 'them'} in step 3 (Numbers to Port), then send again.`,
        );
      }
      await recordProofFiles(tx, actor, requestId, stored);
      if (current.status === 'changes_needed') {
        await resubmitAfterChanges(tx, actor, current, { newProof: stored.length > 0, at: now });
        return { requestIds: [requestId], alreadySubmitted: false };
      }
      const [{ proofCount }] = await tx
        .select({ proofCount: sql<number>`count(*)::int` })
        .from(proofFiles)
        .where(eq(proofFiles.portRequestId, requestId));
      if (proofCount === 0) throw new StateError('Add a bill or a screenshot that shows you own the numbers.');
      const parts = await splitByNumberGroup(tx, current);
      for (const part of parts) {
        const [partRequest] = await tx.select().from(portRequests).where(eq(portRequests.id, part.id));
        await changeRequestStatus(tx, {
          request: partRequest,
          to: 'submitted',
          actor,
          at: now,
          fields: { submittedAt: now, pendingSignature: null },
          data: parts.length > 1 ? { group: part.group, siblings: parts.map((p) => p.id) } : { group: part.group },
        });
      }
      await queueSubmittedEmail(tx, actor, current, parts, now);
      return { requestIds: parts.map((p) => p.id), alreadySubmitted: false };
    });
  } catch (error) {
    await discardStoredProof(stored);
    if (error instanceof AlreadySubmitted) return { requestIds: error.requestIds, alreadySubmitted: true };
    throw error;
  }
}

async function requireActiveSignature(tx: Transaction, requestId: string) {
  const [signature] = await tx
    .select({ id: loaSignatures.id })
    .from(loaSignatures)
    .where(and(eq(loaSignatures.portRequestId, requestId), isNull(loaSignatures.voidedAt)));
  if (!signature) throw new StateError('The Letter of Authorization must be signed again before sending. Open step 7.');
}

async function siblingsOf(db: Queryable, id: string, siblingGroupId: string | null) {
  if (!siblingGroupId) return [id];
  const rows = await db.select({ id: portRequests.id }).from(portRequests).where(eq(portRequests.siblingGroupId, siblingGroupId));
  return rows.map((r) => r.id);
}

async function queueSubmittedEmail(tx: Transaction, actor: Actor, request: PortRequest, parts: { id: string; group: keyof typeof NUMBER_GROUP_LABELS }[], now: Date) {
  const appUrl = getEnv().appUrl;
  const requests = [];
  for (const part of parts) {
    const numbers = await tx
      .select({ number: portRequestNumbers.number })
      .from(portRequestNumbers)
      .where(eq(portRequestNumbers.portRequestId, part.id))
      .orderBy(asc(portRequestNumbers.position));
    requests.push({
      url: `${appUrl}/numbers/port/${part.id}`,
      label: NUMBER_GROUP_LABELS[part.group],
      numbers: numbers.slice(0, 5).map((n) => formatPhoneNumber(n.number)),
      numberCount: numbers.length,
      window: estimatedCompletion(part.group, now).label,
    });
  }
  const all = requests.flatMap((r) => r.numbers);
  const total = requests.reduce((sum, r) => sum + r.numberCount, 0);
  await sendEmail(tx, {
    to: [actor.email],
    subject: `Port request received for ${request.customerName}: ${total === 1 ? all[0] : `${total} numbers (${all.slice(0, 2).join(', ')}${total > 2 ? ', …' : ''})`}`,
    template: 'port-submitted',
    body: PortSubmittedEmail({ customerName: request.customerName ?? '', requests, signInEmail: actor.email }),
    subjectRef: `port-request:${parts[0].id}`,
  });
}
