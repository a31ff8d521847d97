import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { portRequests, type PendingSignature } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { StateError } from '@/lib/errors';
import { findEditableDraft } from '../editable-draft';
import { missingStepsBefore } from '../steps';
import { parseSignatureDataUrl } from './signature-image';
import { notSignedMessage } from './signature-schema';

export type SignatureInput = { signatureDataUrl?: string; typedName?: string; signerTitle?: string };

export const TITLE_MISSING = 'Enter your title at the business, e.g. Office Manager.';

/**
 * Keeps the signature made in the box at the bottom of the LOA until the signer selects "I Agree".
 * A drawn signature wins over a typed name when both are given.
 */
export async function prepareLoaSignature(db: Database, actor: Actor, requestId: string, input: SignatureInput, now = new Date()): Promise<void> {
  let pending: PendingSignature;
  // The letter names the signer with their title ("Dana Whitfield, Office Manager"), as carriers ask.
  const signerTitle = input.signerTitle?.trim();
  if (!signerTitle) throw new StateError(TITLE_MISSING);
  if (input.signatureDataUrl) {
    const image = parseSignatureDataUrl(input.signatureDataUrl);
    if (!image.ok) throw new StateError(image.message);
    pending = { kind: 'drawn', pngBase64: Buffer.from(image.png).toString('base64'), signerTitle };
  } else if (input.typedName) {
    pending = { kind: 'typed', typedName: input.typedName, signerTitle };
  } else {
    throw new StateError(notSignedMessage(false));
  }
  await db.transaction(async (tx) => {
    const request = await findEditableDraft(tx, actor, requestId, 'loa');
    if (missingStepsBefore('loa', request.completedSteps).length) throw new StateError('Finish the earlier steps before signing the Letter of Authorization.');
    // Not a new version: nothing the team decides on has changed until the signer agrees.
    await tx.update(portRequests).set({ pendingSignature: pending, updatedAt: now }).where(eq(portRequests.id, requestId));
  });
}
