import 'server-only';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '@/db/client';
import { proofFiles } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { NotFoundError } from '@/lib/errors';
import { getObjectBytes } from '@/lib/storage/s3';
import { findPortRequest } from '../port-request-access';

/** What a browser shows in place: images and PDFs (their types checked from the bytes at upload). HEIC downloads only. */
export const PREVIEWABLE_PROOF_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'application/pdf'] as const;

export function canPreviewProof(contentType: string): boolean {
  return (PREVIEWABLE_PROOF_TYPES as readonly string[]).includes(contentType);
}

/** A proof file's bytes for the team's in-place preview, once the actor is the team and the file belongs to the request. */
export async function readProofForPreview(db: Queryable, actor: Actor, requestId: string, fileId: string): Promise<{ bytes: Buffer; contentType: string; filename: string }> {
  if (!actor.isStaff || !z.uuid().safeParse(fileId).success) throw new NotFoundError('That file');
  await findPortRequest(db, actor, requestId);
  const [file] = await db
    .select({ key: proofFiles.storageKey, contentType: proofFiles.contentType, filename: proofFiles.filename })
    .from(proofFiles)
    .where(and(eq(proofFiles.id, fileId), eq(proofFiles.portRequestId, requestId)));
  if (!file || !canPreviewProof(file.contentType)) throw new NotFoundError('That file');
  return { bytes: await getObjectBytes(file.key), contentType: file.contentType, filename: file.filename };
}
