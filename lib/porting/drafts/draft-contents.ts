import 'server-only';
import { and, count, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { loaSignatures, portRequestNumbers, proofFiles } from '@/db/schema';
import { canUseAccount, type Actor } from '@/lib/auth/actor';
import { NotFoundError } from '@/lib/errors';
import { findPortRequest } from '../port-request-access';
import { resumeStep, type WizardStepKey } from '../wizard/steps';

export type DraftContents = { requestId: string; losingCarrier: string | null; numbers: number; signedLoa: boolean; proofFiles: number; updatedAt: Date; resumeAt: WizardStepKey };

/**
 * What discarding a draft would lose, for the page that asks first: its numbers, its signed letter,
 * its proof. Only for the account's own users (as discarding); null once the request was sent.
 */
export async function getDraftContents(db: Queryable, actor: Actor, requestId: string): Promise<DraftContents | null> {
  const request = await findPortRequest(db, actor, requestId);
  if (actor.isStaff || !canUseAccount(actor, request.accountId)) throw new NotFoundError('That port request');
  if (request.status !== 'draft') return null;
  const [[numbers], [letters], [proofs]] = await Promise.all([
    db.select({ n: count() }).from(portRequestNumbers).where(eq(portRequestNumbers.portRequestId, requestId)),
    db.select({ n: count() }).from(loaSignatures).where(and(eq(loaSignatures.portRequestId, requestId), isNull(loaSignatures.voidedAt))),
    db.select({ n: count() }).from(proofFiles).where(eq(proofFiles.portRequestId, requestId)),
  ]);
  return { requestId, losingCarrier: request.losingCarrier, numbers: numbers.n, signedLoa: letters.n > 0, proofFiles: proofs.n, updatedAt: request.updatedAt, resumeAt: resumeStep(request.completedSteps) };
}

/** "41 numbers, a signed Letter of Authorization and 2 proof files", or null for an empty draft. */
export function describeDraftContents(contents: DraftContents): string | null {
  const parts = [
    contents.numbers > 0 ? (contents.numbers === 1 ? '1 number' : `${contents.numbers} numbers`) : null,
    contents.signedLoa ? 'a signed Letter of Authorization' : null,
    contents.proofFiles > 0 ? (contents.proofFiles === 1 ? '1 proof file' : `${contents.proofFiles} proof files`) : null,
  ].filter((p): p is string => p !== null);
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
