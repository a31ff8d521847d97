import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { loaSignatureRequests, loaSignatures } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { StateError } from '@/lib/errors';
import { recordEvent } from '../../events/record-event';
import type { PortRequest } from '../../port-request-access';
import type { ObjectStore } from '../object-store';
import { saveStep } from '../save-step';
import type { LoaDocument } from './loa-document';
import { renderLoaPdf, type LoaCertificate, type LoaSignature } from './render-loa-pdf';
import { requestSnapshot } from './request-snapshot';
import { outstandingCondition } from './signature-request/link-state';

// What every signature of the LOA does, whoever signs (the user on the LOA step, or the account
// holder through an emailed link): the evidence files first, then the records that point at them.

export type StoredLetter = { pdfKey: string; snapshotKey: string; discard(): Promise<void> };

/**
 * The signed PDF (with its certificate) and a snapshot of the request without the PIN, stored in
 * S3 before anything in the database points at them. `discard` removes both, for a signature that
 * did not get recorded.
 */
export async function storeSignedLetter(
  storage: ObjectStore,
  request: PortRequest,
  document: LoaDocument,
  signature: LoaSignature,
  certificate: LoaCertificate,
): Promise<StoredLetter> {
  const pdf = await renderLoaPdf(document, signature, certificate);
  const base = `loa/${request.id}/${randomUUID()}`;
  const keys = { pdfKey: `${base}.pdf`, snapshotKey: `${base}.json` };
  const discard = async () => {
    await Promise.allSettled([storage.deleteObject(keys.pdfKey), storage.deleteObject(keys.snapshotKey)]);
  };
  try {
    await storage.putObject(keys.pdfKey, Buffer.from(pdf), 'application/pdf');
    await storage.putObject(
      keys.snapshotKey,
      JSON.stringify(requestSnapshot(request, document, certificate.contentSha256, certificate.signedAt), null, 2),
      'application/json',
    );
  } catch (error) {
    await discard();
    throw error;
  }
  return { ...keys, discard };
}

export type SignatureRecord = Omit<typeof loaSignatures.$inferInsert, 'id' | 'portRequestId' | 'pdfKey' | 'snapshotKey' | 'voidedAt' | 'voidReason'>;

/**
 * Records a signature of the letter in the caller's transaction, on the request locked and checked
 * by the caller: the one before it is replaced ("Signed again", not an edit of the letter: see
 * voids-signature), a link still waiting for someone else's signature is retired, the LOA step is
 * complete and `loa_signed` is on the record. `actor` is null for a signer who is not a user.
 */
export async function recordSignedLetter(tx: Transaction, actor: Actor | null, current: PortRequest, letter: StoredLetter, signature: SignatureRecord): Promise<void> {
  const at = signature.signedAt;
  const viaLink = !!signature.signatureRequestId;
  await tx
    .update(loaSignatures)
    .set({ voidedAt: at, voidReason: 'Signed again.' })
    .where(and(eq(loaSignatures.portRequestId, current.id), isNull(loaSignatures.voidedAt)));
  // Whatever link was still out for this letter can no longer sign it (the one being signed is marked by its caller).
  await tx
    .update(loaSignatureRequests)
    .set({ revokedAt: at })
    // Expired ones too (epoch as "now"): a resend would otherwise bring them back.
    .where(outstandingCondition(current.id, new Date(0)));
  await tx.insert(loaSignatures).values({ ...signature, portRequestId: current.id, pdfKey: letter.pdfKey, snapshotKey: letter.snapshotKey });
  await saveStep(tx, actor, current, { step: 'loa', fields: { pendingSignature: null }, at });
  await recordEvent(
    tx,
    { requestId: current.id, actor, at },
    {
      type: 'loa_signed',
      signerName: signature.signerName,
      kind: signature.kind,
      contentSha256: signature.contentSha256,
      ...(viaLink ? { signerEmail: signature.signerEmail, viaLink: true } : {}),
    },
  );
}

/** A second tab (or the sender) may have changed the draft between reading and recording: then sign again. */
export function assertUnchanged(before: PortRequest, now: PortRequest) {
  if (before.updatedAt.getTime() !== now.updatedAt.getTime()) {
    throw new StateError('The request changed while you were signing. Review the letter and sign again.');
  }
}
