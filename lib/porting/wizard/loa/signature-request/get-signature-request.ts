import 'server-only';
import type { Queryable } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { findPortRequest } from '../../../port-request-access';
import { latestSignatureRequest, summarize, type SignatureRequestSummary } from './link-state';

/** The request's latest link as its pages (and the API) show it, or null if it was never sent; 404 for a request the actor may not see. */
export async function getSignatureRequest(db: Queryable, actor: Actor, requestId: string, now = new Date()): Promise<SignatureRequestSummary | null> {
  await findPortRequest(db, actor, requestId);
  const latest = await latestSignatureRequest(db, requestId);
  return latest ? summarize(latest, now) : null;
}
