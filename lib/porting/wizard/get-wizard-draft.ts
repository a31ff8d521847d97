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
  signature: { signerName: string; kind: 'drawn' | 'typed'; signedAt: Date } | null;
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
    .select({ signerName: loaSignatures.signerName, kind: loaSignatures.kind, signedAt: loaSignatures.signedAt })
    .from(loaSignatures)
    .where(and(eq(loaSignatures.portRequestId, requestId), isNull(loaSignatures.voidedAt)))
    .orderBy(asc(loaSignatures.signedAt))
    .limit(1);
  const newPinAsked = request.status === 'changes_needed' && asksForNewPin(await findOpenChangeRequest(db, requestId));
  const { accountPinCiphertext, ...rest } = request;
  return { ...rest, hasPin: !!accountPinCiphertext, newPinAsked, numberCount: count, signature: signature ?? null };
}
