import 'server-only';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { apiKeys, loaSignatureRequests, loaSignatures, portRequests, users } from '@/db/schema';
import type { PortRequest } from '../../../port-request-access';
import { isEditableAt } from '../../editable-draft';
import { missingStepsBefore } from '../../steps';
import { hashSigningToken, isWellFormedSigningToken } from './token';

// What a signing link (one row of loa_signature_requests) can still do, and why not.

export type SignatureRequestRow = typeof loaSignatureRequests.$inferSelect;

/** Why a link cannot be used: one reason per case, worded without anything that helps guessing. */
export type LinkRefusal = 'invalid' | 'expired' | 'signed' | 'declined' | 'revoked' | 'replaced' | 'closed';

export const LINK_REFUSALS: Record<LinkRefusal, { title: string; message: string }> = {
  invalid: { title: 'This link is not valid', message: 'Check that you opened the whole link from the email. If it still does not work, ask the person who sent it to send it again.' },
  expired: { title: 'This link has expired', message: 'Signing links work for 7 days. Ask the person who sent it to send it again.' },
  signed: { title: 'Signed', message: 'This letter has been signed with this link. The person who sent it has been told; nothing more is needed from you.' },
  declined: { title: 'You declined to sign', message: 'The person who sent this letter has been told, with your reason.' },
  revoked: { title: 'This link was cancelled', message: 'The person who sent it cancelled the signature request. Nothing more is needed from you.' },
  replaced: { title: 'A newer link was sent', message: 'This letter was sent to you again. Use the link in the most recent email.' },
  closed: { title: 'This letter can no longer be signed here', message: 'The request changed since the link was sent. Ask the person who sent it for a new link.' },
};

export function refusalMessage(reason: LinkRefusal): string {
  return `${LINK_REFUSALS[reason].title}. ${LINK_REFUSALS[reason].message}`;
}

/** The row a token names (null for a malformed or unknown token). */
export async function findByToken(db: Queryable, token: string, options: { forUpdate?: boolean } = {}): Promise<SignatureRequestRow | null> {
  if (!isWellFormedSigningToken(token)) return null;
  const query = db.select().from(loaSignatureRequests).where(eq(loaSignatureRequests.tokenSha256, hashSigningToken(token))).limit(1);
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** Null when the link can sign the letter now; else why not. */
export async function linkRefusal(db: Queryable, row: SignatureRequestRow, request: Pick<PortRequest, 'id' | 'status' | 'completedSteps'>, now: Date): Promise<LinkRefusal | null> {
  if (row.signedAt) return 'signed';
  if (row.declinedAt) return 'declined';
  if (row.revokedAt) {
    // A resend or a new send retires the link in the same moment it issues the next one.
    const [newer] = await db
      .select({ id: loaSignatureRequests.id })
      .from(loaSignatureRequests)
      .where(and(eq(loaSignatureRequests.portRequestId, row.portRequestId), eq(loaSignatureRequests.createdAt, row.revokedAt)))
      .limit(1);
    if (newer) return 'replaced';
    // Signed meanwhile by someone else (the user on the LOA step): the letter no longer waits for this link.
    const [signed] = await db
      .select({ id: loaSignatures.id })
      .from(loaSignatures)
      .where(and(eq(loaSignatures.portRequestId, row.portRequestId), eq(loaSignatures.signedAt, row.revokedAt)))
      .limit(1);
    return signed ? 'closed' : 'revoked';
  }
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (missingStepsBefore('loa', request.completedSteps).length > 0 || !(await isEditableAt(db, request, 'loa'))) return 'closed';
  return null;
}

export async function loadRequestOf(db: Queryable, row: SignatureRequestRow, options: { forUpdate?: boolean } = {}): Promise<PortRequest> {
  const query = db.select().from(portRequests).where(eq(portRequests.id, row.portRequestId)).limit(1);
  const [request] = options.forUpdate ? await query.for('update') : await query;
  return request;
}

/** How the signer, the certificate and the emails name who sent the link. */
export async function senderOf(db: Queryable, row: SignatureRequestRow): Promise<{ name: string; email: string; label: string }> {
  const [user] = await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, row.sentByUserId));
  const name = user?.name ?? user?.email ?? 'A user of the platform';
  const email = user?.email ?? '';
  let label = email && name !== email ? `${name} <${email}>` : name;
  if (row.sentByApiKeyId) {
    const [key] = await db.select({ name: apiKeys.name }).from(apiKeys).where(eq(apiKeys.id, row.sentByApiKeyId));
    if (key) label += ` through the API key "${key.name}"`;
  }
  return { name, email, label };
}

/** The links of a request still waiting for a signature (at most one, kept so under the request's lock). */
export function outstandingCondition(portRequestId: string, now: Date) {
  return and(
    eq(loaSignatureRequests.portRequestId, portRequestId),
    isNull(loaSignatureRequests.revokedAt),
    isNull(loaSignatureRequests.signedAt),
    isNull(loaSignatureRequests.declinedAt),
    gt(loaSignatureRequests.expiresAt, now),
  );
}

/** The most recent link of a request (a resend's new link is the most recent). */
export async function latestSignatureRequest(db: Queryable, portRequestId: string, options: { forUpdate?: boolean } = {}): Promise<SignatureRequestRow | null> {
  const query = db
    .select()
    .from(loaSignatureRequests)
    .where(eq(loaSignatureRequests.portRequestId, portRequestId))
    .orderBy(desc(loaSignatureRequests.createdAt))
    .limit(1);
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export type SignatureRequestState = 'waiting' | 'expired' | 'signed' | 'declined' | 'revoked';

/** What the pages and the API show of a link: never its token. */
export type SignatureRequestSummary = {
  id: string;
  state: SignatureRequestState;
  signerName: string;
  /** The title the sender gave, if any (the signer gives their own when signing). */
  signerTitle: string | null;
  signerEmail: string;
  sentAt: Date;
  lastSentAt: Date;
  sendCount: number;
  expiresAt: Date;
  signedAt: Date | null;
  declinedAt: Date | null;
  declineReason: string | null;
  revokedAt: Date | null;
};

export function summarize(row: SignatureRequestRow, now: Date): SignatureRequestSummary {
  const state: SignatureRequestState = row.signedAt
    ? 'signed'
    : row.declinedAt
      ? 'declined'
      : row.revokedAt
        ? 'revoked'
        : row.expiresAt.getTime() <= now.getTime()
          ? 'expired'
          : 'waiting';
  return {
    id: row.id,
    state,
    signerName: row.signerName,
    signerTitle: row.signerTitle,
    signerEmail: row.signerEmail,
    sentAt: row.sentAt,
    lastSentAt: row.lastSentAt,
    sendCount: row.sendCount,
    expiresAt: row.expiresAt,
    signedAt: row.signedAt,
    declinedAt: row.declinedAt,
    declineReason: row.declineReason,
    revokedAt: row.revokedAt,
  };
}
