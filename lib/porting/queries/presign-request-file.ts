import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { loaSignatures, proofFiles } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { NotFoundError } from '@/lib/errors';
import { presignDownload } from '@/lib/storage/s3';
import { findPortRequest } from '../port-request-access';

/** A short-lived download link for a request's LOA PDF or proof file, after checking the actor may see the request. */
export async function presignRequestFile(db: Queryable, actor: Actor, requestId: string, file: { kind: 'loa' | 'proof'; id: string }): Promise<string> {
  await findPortRequest(db, actor, requestId);
  if (file.kind === 'loa') {
    const [loa] = await db
      .select({ key: loaSignatures.pdfKey })
      .from(loaSignatures)
      .where(and(eq(loaSignatures.id, file.id), eq(loaSignatures.portRequestId, requestId)));
    if (!loa) throw new NotFoundError('That file');
    return presignDownload(loa.key, { filename: `Letter of Authorization ${requestId.slice(0, 8)}.pdf` });
  }
  const [proof] = await db
    .select({ key: proofFiles.storageKey, filename: proofFiles.filename })
    .from(proofFiles)
    .where(and(eq(proofFiles.id, file.id), eq(proofFiles.portRequestId, requestId)));
  if (!proof) throw new NotFoundError('That file');
  return presignDownload(proof.key, { filename: proof.filename });
}
