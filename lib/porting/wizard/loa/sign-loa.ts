import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { loaSignatures } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { StateError } from '@/lib/errors';
import { recordEvent } from '../../events/record-event';
import type { PortRequest } from '../../port-request-access';
import { findEditableDraft } from '../editable-draft';
import { appStorage, type ObjectStore } from '../object-store';
import { saveStep } from '../save-step';
import { buildLoaDocument } from './build-loa-document';
import { loaContentSha256 } from './loa-document';
import { renderLoaPdf, type LoaSignature } from './render-loa-pdf';
import { requestSnapshot } from './request-snapshot';

export type SigningContext = { ipAddress: string; forwardedFor?: string | null; userAgent: string; now?: Date; storage?: ObjectStore };

/**
 * "I Agree": records the signature prepared on the LOA page. The signed PDF (with its certificate)
 * and a snapshot of the request without the PIN go to S3 first; the database then points at them,
 * so a storage failure leaves the draft as it was, ready to retry.
 */
export async function signLoa(db: Database, actor: Actor, requestId: string, context: SigningContext): Promise<void> {
  const signedAt = context.now ?? new Date();
  const storage = context.storage ?? appStorage;
  const request = await db.transaction((tx) => findEditableDraft(tx, actor, requestId, 'loa'));
  const pending = request.pendingSignature;
  if (!pending) throw new StateError('Sign the letter at the bottom first (draw or type your name), then select Continue.');

  const signerName = pending.kind === 'typed' ? pending.typedName : actor.name ?? actor.email;
  const document = await buildLoaDocument(db, request, { name: signerName, email: actor.email }, signedAt);
  const contentSha256 = loaContentSha256(document);
  const signature: LoaSignature =
    pending.kind === 'typed' ? { kind: 'typed', name: pending.typedName } : { kind: 'drawn', png: Buffer.from(pending.pngBase64, 'base64') };
  const pdf = await renderLoaPdf(document, signature, {
    signerName,
    signerEmail: actor.email,
    signedAt,
    ipAddress: context.ipAddress,
    forwardedFor: context.forwardedFor,
    userAgent: context.userAgent,
    contentSha256,
  });

  const base = `loa/${requestId}/${randomUUID()}`;
  const keys = { pdf: `${base}.pdf`, snapshot: `${base}.json` };
  await storage.putObject(keys.pdf, Buffer.from(pdf), 'application/pdf');
  await storage.putObject(keys.snapshot, JSON.stringify(requestSnapshot(request, document, contentSha256, signedAt), null, 2), 'application/json');

  try {
    await db.transaction(async (tx) => {
      const current = await findEditableDraft(tx, actor, requestId, 'loa');
      assertUnchanged(request, current);
      // A new signature replaces the one before it (not an edit of the letter: see voids-signature).
      await tx
        .update(loaSignatures)
        .set({ voidedAt: signedAt, voidReason: 'Signed again.' })
        .where(and(eq(loaSignatures.portRequestId, requestId), isNull(loaSignatures.voidedAt)));
      await tx.insert(loaSignatures).values({
        portRequestId: requestId,
        signerUserId: actor.userId,
        signerName,
        signerEmail: actor.email,
        kind: pending.kind,
        pdfKey: keys.pdf,
        snapshotKey: keys.snapshot,
        contentSha256,
        ipAddress: context.ipAddress,
        forwardedFor: context.forwardedFor ?? null,
        userAgent: context.userAgent,
        signedAt,
      });
      await saveStep(tx, actor, current, { step: 'loa', fields: { pendingSignature: null } });
      await recordEvent(tx, { requestId, actor, at: signedAt }, { type: 'loa_signed', signerName, kind: pending.kind, contentSha256 });
    });
  } catch (error) {
    // Nothing points at the files: remove them rather than leave evidence of a signature that did not happen.
    await Promise.allSettled([storage.deleteObject(keys.pdf), storage.deleteObject(keys.snapshot)]);
    throw error;
  }
}

/** A second tab may have changed the draft between reading and recording: then sign again. */
function assertUnchanged(before: PortRequest, now: PortRequest) {
  if (before.updatedAt.getTime() !== now.updatedAt.getTime()) {
    throw new StateError('The request changed while you were signing. Review the letter and sign again.');
  }
}
