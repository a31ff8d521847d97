import 'server-only';
import type { Database } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { StateError } from '@/lib/errors';
import { findEditableDraft } from '../editable-draft';
import { appStorage, type ObjectStore } from '../object-store';
import { buildLoaDocument } from './build-loa-document';
import { loaContentSha256 } from './loa-document';
import type { LoaSignature } from './render-loa-pdf';
import { assertUnchanged, recordSignedLetter, storeSignedLetter } from './signed-letter';

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
  // A signature prepared before titles were asked: the letter must name the title, so sign again.
  if (!pending.signerTitle) throw new StateError('Sign the letter again at the bottom with your title at the business, then select Continue.');
  const signerTitle = pending.signerTitle;

  const signerName = pending.kind === 'typed' ? pending.typedName : actor.name ?? actor.email;
  const document = await buildLoaDocument(db, request, { name: signerName, email: actor.email, title: signerTitle }, signedAt);
  const contentSha256 = loaContentSha256(document);
  const signature: LoaSignature =
    pending.kind === 'typed' ? { kind: 'typed', name: pending.typedName } : { kind: 'drawn', png: Buffer.from(pending.pngBase64, 'base64') };
  const certificate = {
    signerName,
    signerTitle,
    signerEmail: actor.email,
    signedAt,
    ipAddress: context.ipAddress,
    forwardedFor: context.forwardedFor,
    userAgent: context.userAgent,
    contentSha256,
  };
  const letter = await storeSignedLetter(storage, request, document, signature, certificate);

  try {
    await db.transaction(async (tx) => {
      const current = await findEditableDraft(tx, actor, requestId, 'loa');
      assertUnchanged(request, current);
      await recordSignedLetter(tx, actor, current, letter, {
        signerUserId: actor.userId,
        signerName,
        signerTitle,
        signerEmail: actor.email,
        kind: pending.kind,
        contentSha256,
        ipAddress: context.ipAddress,
        forwardedFor: context.forwardedFor ?? null,
        userAgent: context.userAgent,
        signedAt,
      });
    });
  } catch (error) {
    // Nothing points at the files: remove them rather than leave evidence of a signature that did not happen.
    await letter.discard();
    throw error;
  }
}
