import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import type { Transaction } from '@/db/client';
import { proofFiles } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { StateError } from '@/lib/errors';
import { checkProofFile, type ProofType } from '../proof/detect-proof-type';
import { appStorage, type ObjectStore } from '../wizard/object-store';

export type ProofUpload = { name: string; bytes: Uint8Array };
export type StoredProof = { key: string; file: ProofUpload; type: ProofType };

/**
 * Checks each file by its content and puts it in S3 under a random key (a file's address says
 * nothing about whose it is). Nothing in the database points at the files yet: on any failure the
 * uploaded ones are removed and the error goes up.
 */
export async function storeProof(requestId: string, uploads: ProofUpload[], storage: ObjectStore = appStorage): Promise<StoredProof[]> {
  const checked = uploads.map((file) => ({ file, result: checkProofFile({ name: file.name, size: file.bytes.byteLength, bytes: file.bytes }) }));
  const refused = checked.flatMap((c) => (c.result.ok ? [] : [c.result.message]));
  if (refused.length) throw new StateError(refused.join(' '));
  const stored = checked.flatMap(({ file, result }) =>
    result.ok ? [{ key: `proof/${requestId}/${randomUUID()}.${result.type.extension}`, file, type: result.type }] : [],
  );
  try {
    for (const s of stored) await storage.putObject(s.key, Buffer.from(s.file.bytes), s.type.mime);
  } catch (error) {
    await discardStoredProof(stored, storage);
    throw error;
  }
  return stored;
}

export async function discardStoredProof(stored: StoredProof[], storage: Pick<ObjectStore, 'deleteObject'> = appStorage): Promise<void> {
  await Promise.allSettled(stored.map((s) => storage.deleteObject(s.key)));
}

export async function recordProofFiles(tx: Transaction, actor: Actor, requestId: string, stored: StoredProof[]): Promise<void> {
  if (stored.length === 0) return;
  await tx.insert(proofFiles).values(
    stored.map((s) => ({
      portRequestId: requestId,
      storageKey: s.key,
      filename: proofFilename(s.file.name, s.type.extension),
      contentType: s.type.mime,
      sizeBytes: s.file.bytes.byteLength,
      sha256: createHash('sha256').update(s.file.bytes).digest('hex'),
      uploadedByUserId: actor.userId,
    })),
  );
}

/**
 * The name a proof file is kept and downloaded under: no control or direction characters (a NUL
 * cannot be stored; U+202E makes "gnp.exe" read as "exe.png"), at most 120 characters, and ending
 * in the extension of what its content is, whatever the uploaded name said.
 */
export function proofFilename(name: string, extension: string): string {
  const plain = name.replace(/[\p{Cc}\p{Cf}]/gu, '').replace(/[\\/]/g, '_').trim();
  const base = plain.replace(/\.[^.]{1,8}$/, '').slice(0, 110) || 'proof';
  return `${base}.${extension}`;
}
