import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { loaSignatureRequests } from '@/db/schema';
import { StateError } from '@/lib/errors';
import { appStorage, type ObjectStore } from '../../object-store';
import { loaContentSha256 } from '../loa-document';
import type { LoaSignature } from '../render-loa-pdf';
import { parseSignatureDataUrl } from '../signature-image';
import { assertUnchanged, recordSignedLetter, storeSignedLetter } from '../signed-letter';
import { letterFingerprint, letterFor } from './get-signing-page';
import { assertSigningLinkAttempt } from './link-rate-limit';
import { findByToken, linkRefusal, loadRequestOf, refusalMessage, senderOf } from './link-state';
import { signByLinkSchema, type SignByLinkInput } from './schema';

export type LinkClient = { ipAddress: string; forwardedFor?: string | null; userAgent: string };

const LETTER_CHANGED = 'The letter changed since you opened this page. Read it again below, then sign.';

/**
 * The account holder signs the LOA through the emailed link: once (two posts at once make one
 * signature; the second is told the link was used). The letter names the signer with the title
 * they give here. The certificate records the signer's name, title and email, who sent the link
 * and when, the signer's address, browser, time and the letter's SHA-256.
 * The LOA step is then complete, as if signed on it, and the sender and the request's recipients
 * are emailed (loa_signed, through lib/notifications).
 */
export async function signByLink(
  db: Database,
  token: string,
  input: SignByLinkInput,
  client: LinkClient,
  now = new Date(),
  storage: ObjectStore = appStorage,
): Promise<{ requestId: string }> {
  await assertSigningLinkAttempt(db, client.ipAddress, now);
  const parsed = signByLinkSchema.safeParse(input);
  if (!parsed.success) throw new StateError(parsed.error.issues[0].message);
  let signature: LoaSignature;
  if (parsed.data.signatureDataUrl) {
    const image = parseSignatureDataUrl(parsed.data.signatureDataUrl);
    if (!image.ok) throw new StateError(image.message);
    signature = { kind: 'drawn', png: image.png };
  } else {
    signature = { kind: 'typed', name: parsed.data.typedName! };
  }

  const row = await findByToken(db, token);
  if (!row) throw new StateError(refusalMessage('invalid'));
  const request = await loadRequestOf(db, row);
  const refusal = await linkRefusal(db, row, request, now);
  if (refusal) throw new StateError(refusalMessage(refusal));
  const signerTitle = parsed.data.signerTitle;
  const document = await letterFor(db, request, row, now, signerTitle);
  if (parsed.data.letterFingerprint !== letterFingerprint(document)) throw new StateError(LETTER_CHANGED);
  const contentSha256 = loaContentSha256(document);
  const sender = await senderOf(db, row);
  const letter = await storeSignedLetter(storage, request, document, signature, {
    signerName: row.signerName,
    signerTitle,
    signerEmail: row.signerEmail,
    signedAt: now,
    ipAddress: client.ipAddress,
    forwardedFor: client.forwardedFor,
    userAgent: client.userAgent,
    contentSha256,
    sentForSignature: { by: sender.label, at: row.lastSentAt },
  });

  try {
    await db.transaction(async (tx) => {
      // The request first, then its link: the order every writer of both takes.
      const current = await loadRequestOf(tx, row, { forUpdate: true });
      if (!current) throw new StateError(refusalMessage('invalid'));
      const [locked] = await tx.select().from(loaSignatureRequests).where(eq(loaSignatureRequests.id, row.id)).for('update');
      const refusalNow = locked ? await linkRefusal(tx, locked, current, now) : 'invalid';
      if (refusalNow) throw new StateError(refusalMessage(refusalNow));
      assertUnchanged(request, current);
      await tx.update(loaSignatureRequests).set({ signedAt: now }).where(eq(loaSignatureRequests.id, row.id));
      await recordSignedLetter(tx, null, current, letter, {
        signerUserId: null,
        signatureRequestId: row.id,
        signerName: row.signerName,
        signerTitle,
        signerEmail: row.signerEmail,
        kind: signature.kind,
        contentSha256,
        ipAddress: client.ipAddress,
        forwardedFor: client.forwardedFor ?? null,
        userAgent: client.userAgent,
        signedAt: now,
      });
    });
  } catch (error) {
    await letter.discard();
    throw error;
  }
  return { requestId: row.portRequestId };
}
