import 'server-only';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { loaSignatures, portRequestNumbers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { NotFoundError } from '@/lib/errors';
import { findPortRequest, type PortRequest } from '../port-request-access';
import { asksForNewPin, findOpenChangeRequest } from '../review/open-change-request';

export type WizardDraft = Omit<PortRequest, 'accountPinCiphertext'> & {
  hasPin: boolean;
  /** The team asked for a new PIN: the one on file cannot be kept. */
  newPinAsked: boolean;
  numberCount: number;
  /** The active (not voided) signature; `byLink` when it was signed through the emailed link. */
  signature: { id: string; signerName: string; kind: 'drawn' | 'typed'; signedAt: Date; byLink: boolean } | null;
};

/** What the wizard's pages show of a customer's draft; the PIN itself never leaves the database. */
export async function getWizardDraft(db: Queryable, actor: Actor, requestId: string): Promise<WizardDraft> {
  const request = await findPortRequest(db, actor, requestId);
  if (actor.isStaff) throw new NotFoundError('That port request');
  const [{ count }] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(portRequestNumbers)
    .where(eq(portRequestNumbers.portRequestId, requestId));
  const [signature] = await db
    .select({
      id: loaSignatures.id,
      signerName: loaSignatures.signerName,
      kind: loaSignatures.kind,
      signedAt: loaSignatures.signedAt,
      signatureRequestId: loaSignatures.signatureRequestId,
    })
    .from(loaSignatures)
    .where(and(eq(loaSignatures.portRequestId, requestId), isNull(loaSignatures.voidedAt)))
    .orderBy(asc(loaSignatures.signedAt))
    .limit(1);
  const newPinAsked = request.status === 'changes_needed' && asksForNewPin(await findOpenChangeRequest(db, requestId));
  const { accountPinCiphertext, ...rest } = request;
  return {
    ...rest,
    hasPin: !!accountPinCiphertext,
    newPinAsked,
    numberCount: count,
    signature: signature
      ? { id: signature.id, signerName: signature.signerName, kind: signature.kind, signedAt: signature.signedAt, byLink: signature.signatureRequestId !== null }
      : null,
  };
}
