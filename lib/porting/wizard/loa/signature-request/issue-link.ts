import 'server-only';
import type { Transaction } from '@/db/client';
import { loaSignatureRequests } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { queueEmail } from '@/lib/mail/queue-email';
import type { PortRequest } from '../../../port-request-access';
import { outstandingCondition, type SignatureRequestRow } from './link-state';
import { newSigningToken, hashSigningToken, SIGNING_LINK_DAYS, signingUrl } from './token';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A new link for the letter, in the caller's transaction on the request it has locked: whatever
 * link was still out dies in the same moment (its revokedAt is the new row's createdAt, which is how
 * its page tells "replaced" from "cancelled"), and the signer is emailed the new one.
 */
export async function issueSigningLink(
  tx: Transaction,
  actor: Actor,
  request: PortRequest,
  signer: { signerName: string; signerEmail: string; signerTitle?: string | null },
  now: Date,
  previous?: SignatureRequestRow,
): Promise<SignatureRequestRow> {
  await tx.update(loaSignatureRequests).set({ revokedAt: now }).where(outstandingCondition(request.id, new Date(0)));
  const token = newSigningToken();
  const expiresAt = new Date(now.getTime() + SIGNING_LINK_DAYS * DAY_MS);
  const [row] = await tx
    .insert(loaSignatureRequests)
    .values({
      portRequestId: request.id,
      signerName: signer.signerName,
      signerTitle: signer.signerTitle ?? null,
      signerEmail: signer.signerEmail,
      tokenSha256: hashSigningToken(token),
      sentByUserId: actor.userId,
      sentByApiKeyId: actor.apiKey?.id ?? null,
      sentAt: previous?.sentAt ?? now,
      lastSentAt: now,
      sendCount: (previous?.sendCount ?? 0) + 1,
      expiresAt,
      createdAt: now,
    })
    .returning();
  // Who sent it and for which business, the letter itself waits behind the link: nothing else of the account.
  const business = request.customerName ?? 'your business';
  await queueEmail(tx, {
    to: [signer.signerEmail],
    subject: `Please sign the Letter of Authorization for ${business}`,
    template: 'loa-signature-request',
    props: {
      signerName: signer.signerName,
      senderName: actor.name ?? actor.email,
      senderEmail: actor.email,
      businessName: business,
      signUrl: signingUrl(token),
      expiresOn: expiresAt.toISOString().slice(0, 10),
    },
    subjectRef: `port-request:${request.id}`,
  });
  return row;
}
