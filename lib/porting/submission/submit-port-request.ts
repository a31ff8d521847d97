import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Database, Queryable, Transaction } from '@/db/client';
import { loaSignatures, portRequestNumbers, portRequests, proofFiles } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { getEnv } from '@/lib/config/env';
import { StateError } from '@/lib/errors';
import { sendEmail } from '@/lib/mail/send-email';
import { formatPhoneNumber } from '@/lib/phone/format';
import { deleteObject, putObject } from '@/lib/storage/s3';
import { PortSubmittedEmail } from '@/emails/port-submitted';
import { estimatedCompletion, NUMBER_GROUP_LABELS } from '../estimate';
import { checkProofFile } from '../proof/detect-proof-type';
import { findPortRequest } from '../port-request-access';
import { changeRequestStatus } from '../change-status';
import { splitByNumberGroup } from './split-by-group';

export type ProofUpload = { name: string; bytes: Uint8Array };
export type SubmitOutcome = { requestIds: string[]; alreadySubmitted: boolean };

const STEPS_BEFORE_PROOF = ['carrier', 'numbers', 'customer', 'address', 'agreement', 'loa'];

/**
 * "Send Proof of Ownership": stores the proof files, then in one transaction records them, splits
 * the draft by number group, moves it to submitted and queues the confirmation email. Submitting
 * twice (double click, replayed POST, a second tab) finds the request already submitted and
 * changes nothing.
 */
export async function submitPortRequest(db: Database, actor: Actor, requestId: string, uploads: ProofUpload[], now = new Date()): Promise<SubmitOutcome> {
  const checked = uploads.map((file) => ({ file, result: checkProofFile({ name: file.name, size: file.bytes.byteLength, bytes: file.bytes }) }));
  const refused = checked.flatMap((c) => (c.result.ok ? [] : [c.result.message]));
  if (refused.length) throw new StateError(refused.join(' '));

  const request = await findPortRequest(db, actor, requestId);
  if (actor.isStaff || !actor.accounts.some((a) => a.id === request.accountId)) throw new StateError('Only the account can submit its request.');
  if (request.status !== 'draft') return { requestIds: await siblingsOf(db, request.id, request.siblingGroupId), alreadySubmitted: true };
  const missing = STEPS_BEFORE_PROOF.filter((s) => !request.completedSteps.includes(s));
  if (missing.length) throw new StateError('Some earlier steps are not finished yet. Complete them, then send your proof.');

  // Random keys: a file's address says nothing about whose it is.
  const stored = checked.flatMap(({ file, result }) =>
    result.ok ? [{ key: `proof/${requestId}/${randomUUID()}.${result.type.extension}`, file, type: result.type }] : [],
  );
  try {
    for (const s of stored) await putObject(s.key, Buffer.from(s.file.bytes), s.type.mime);
  } catch (error) {
    await Promise.allSettled(stored.map((s) => deleteObject(s.key)));
    throw error;
  }

  try {
    return await db.transaction(async (tx) => {
      const draft = await findPortRequest(tx, actor, requestId, { forUpdate: true });
      if (draft.status !== 'draft') {
        // Lost the race to a second submit: that one recorded everything.
        throw new AlreadySubmitted(await siblingsOf(tx, draft.id, draft.siblingGroupId));
      }
      const [signature] = await tx
        .select({ id: loaSignatures.id })
        .from(loaSignatures)
        .where(and(eq(loaSignatures.portRequestId, requestId), isNull(loaSignatures.voidedAt)));
      if (!signature) throw new StateError('The Letter of Authorization must be signed again before sending. Open step 7.');

      if (stored.length) {
        await tx.insert(proofFiles).values(
          stored.map((s) => ({
            portRequestId: requestId,
            storageKey: s.key,
            filename: s.file.name.slice(0, 200) || `proof.${s.type.extension}`,
            contentType: s.type.mime,
            sizeBytes: s.file.bytes.byteLength,
            sha256: createHash('sha256').update(s.file.bytes).digest('hex'),
            uploadedByUserId: actor.userId,
          })),
        );
      }
      const [{ proofCount }] = await tx
        .select({ proofCount: sql<number>`count(*)::int` })
        .from(proofFiles)
        .where(eq(proofFiles.portRequestId, requestId));
      if (proofCount === 0) throw new StateError('Add a bill or a screenshot that shows you own the numbers.');
      const parts = await splitByNumberGroup(tx, draft);
      for (const part of parts) {
        const [current] = await tx.select().from(portRequests).where(eq(portRequests.id, part.id));
        await changeRequestStatus(tx, {
          request: current,
          to: 'submitted',
          actor,
          at: now,
          fields: { submittedAt: now, pendingSignature: null },
          data: parts.length > 1 ? { group: part.group, siblings: parts.map((p) => p.id) } : { group: part.group },
        });
      }
      await queueSubmittedEmail(tx, actor, draft.customerName ?? '', parts, now);
      return { requestIds: parts.map((p) => p.id), alreadySubmitted: false };
    });
  } catch (error) {
    await Promise.allSettled(stored.map((s) => deleteObject(s.key)));
    if (error instanceof AlreadySubmitted) return { requestIds: error.requestIds, alreadySubmitted: true };
    throw error;
  }
}

class AlreadySubmitted extends Error {
  constructor(readonly requestIds: string[]) {
    super('already submitted');
  }
}

async function siblingsOf(db: Queryable, id: string, siblingGroupId: string | null) {
  if (!siblingGroupId) return [id];
  const rows = await db.select({ id: portRequests.id }).from(portRequests).where(eq(portRequests.siblingGroupId, siblingGroupId));
  return rows.map((r) => r.id);
}

async function queueSubmittedEmail(
  tx: Transaction,
  actor: Actor,
  customerName: string,
  parts: { id: string; group: keyof typeof NUMBER_GROUP_LABELS }[],
  now: Date,
) {
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
    subject: `Port request received: ${total === 1 ? all[0] : `${total} numbers (${all.slice(0, 2).join(', ')}${total > 2 ? ', …' : ''})`}`,
    template: 'port-submitted',
    body: PortSubmittedEmail({ customerName, requests, signInEmail: actor.email }),
    subjectRef: `port-request:${parts[0].id}`,
  });
}
