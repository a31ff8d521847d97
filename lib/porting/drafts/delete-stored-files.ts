import 'server-only';
import { deleteObject } from '@/lib/storage/s3';

export const DELETE_STORED_FILES_JOB = 'delete-stored-files';
export type DeleteStoredFilesPayload = { keys: string[] };

/**
 * Deletes files whose records are already gone (a removed draft's letters and proof). A job, so a
 * storage outage delays the delete instead of leaving the files behind: deleting a file that is
 * already gone succeeds, so the retry of a half-done pass is safe.
 */
export async function deleteStoredFiles(payload: DeleteStoredFilesPayload, remove: (key: string) => Promise<void> = deleteObject): Promise<void> {
  const results = await Promise.allSettled(payload.keys.map((key) => remove(key)));
  const failed = results.filter((r) => r.status === 'rejected').length;
  if (failed) throw new Error(`${failed} of ${payload.keys.length} stored files could not be deleted yet`);
}
