import 'server-only';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '@/db/client';
import { loaSignatures } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import type { PortRequest } from '@/lib/porting/port-request-access';
import { buildLoaDocument } from '@/lib/porting/wizard/loa/build-loa-document';
import { canonicalLoaText, loaContentSha256, loaFields, loaNumberEntries } from '@/lib/porting/wizard/loa/loa-document';
import { letterFor } from '@/lib/porting/wizard/loa/signature-request/get-signing-page';
import { latestSignatureRequest, summarize, type SignatureRequestSummary } from '@/lib/porting/wizard/loa/signature-request/link-state';

const timestamp = z.string().meta({ format: 'date-time' });

export const signatureRequestResource = z
  .object({
    id: z.string().meta({ format: 'uuid' }),
    object: z.literal('loa_signature_request'),
    state: z.enum(['waiting', 'expired', 'signed', 'declined', 'revoked']),
    signerName: z.string(),
    signerTitle: z.string().nullable().meta({ description: "The title the sender gave, if any; the signer gives their own when signing (see the Loa's signed.signerTitle)" }),
    signerEmail: z.string(),
    sentAt: timestamp,
    lastSentAt: timestamp,
    sendCount: z.number().int(),
    expiresAt: timestamp.meta({ description: 'The link works for 7 days from the last send' }),
    signedAt: timestamp.nullable(),
    declinedAt: timestamp.nullable(),
    declineReason: z.string().nullable(),
    revokedAt: timestamp.nullable(),
  })
  .meta({ id: 'LoaSignatureRequest', description: 'The link emailed to the person who signs for the business (never its token)' });

export const loaResource = z
  .object({
    object: z.literal('loa'),
    text: z.string().meta({ description: 'The letter as the signer reads it; its SHA-256 is contentSha256' }),
    fields: z.array(z.object({ label: z.string(), value: z.string() })),
    numbers: z.array(z.string()).meta({ description: 'The letter\'s number entries ("+14105550100 -> +14105550199")' }),
    contentSha256: z.string(),
    signed: z
      .object({ signerName: z.string(), signerTitle: z.string().nullable(), signerEmail: z.string(), kind: z.enum(['drawn', 'typed']), signedAt: timestamp, contentSha256: z.string(), viaLink: z.boolean() })
      .nullable()
      .meta({ description: 'The signature that covers the request now; null when unsigned or voided by an edit. GET …/loa.pdf has the signed PDF.' }),
    signatureRequest: signatureRequestResource.nullable(),
  })
  .meta({ id: 'Loa' });

export function toSignatureRequestResource(s: SignatureRequestSummary) {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: s.id,
    object: 'loa_signature_request' as const,
    state: s.state,
    signerName: s.signerName,
    signerTitle: s.signerTitle,
    signerEmail: s.signerEmail,
    sentAt: s.sentAt.toISOString(),
    lastSentAt: s.lastSentAt.toISOString(),
    sendCount: s.sendCount,
    expiresAt: s.expiresAt.toISOString(),
    signedAt: iso(s.signedAt),
    declinedAt: iso(s.declinedAt),
    declineReason: s.declineReason,
    revokedAt: iso(s.revokedAt),
  };
}

export async function activeSignature(db: Queryable, requestId: string) {
  const [row] = await db
    .select()
    .from(loaSignatures)
    .where(and(eq(loaSignatures.portRequestId, requestId), isNull(loaSignatures.voidedAt)))
    .orderBy(desc(loaSignatures.signedAt))
    .limit(1);
  return row ?? null;
}

/**
 * The LOA as its signer sees it: the person a waiting link was sent to, else the one who signed it,
 * else (as on the LOA step) the key's creator signing it themselves. Never the PIN.
 */
export async function getLoa(db: Queryable, actor: Actor, request: PortRequest, now: Date) {
  const requestId = request.id;
  const { accountPinCiphertext: _pin, ...letterRequest } = request;
  const signature = await activeSignature(db, requestId);
  const latest = await latestSignatureRequest(db, requestId);
  const link = latest ? summarize(latest, now) : null;
  const document =
    latest && link?.state === 'waiting'
      ? await letterFor(db, request, latest, now)
      : signature
        ? await buildLoaDocument(db, letterRequest, { name: signature.signerName, email: signature.signerEmail, title: signature.signerTitle }, signature.signedAt)
        : await buildLoaDocument(db, letterRequest, { name: actor.name ?? actor.email, email: actor.email }, now);
  return {
    object: 'loa' as const,
    text: canonicalLoaText(document),
    fields: loaFields(document),
    numbers: loaNumberEntries(document),
    contentSha256: loaContentSha256(document),
    signed: signature
      ? {
          signerName: signature.signerName,
          signerTitle: signature.signerTitle,
          signerEmail: signature.signerEmail,
          kind: signature.kind,
          signedAt: signature.signedAt.toISOString(),
          contentSha256: signature.contentSha256,
          viaLink: !!signature.signatureRequestId,
        }
      : null,
    signatureRequest: link ? toSignatureRequestResource(link) : null,
  };
}
