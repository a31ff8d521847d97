import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EMBEDDED_S3_CREDENTIALS, startEmbeddedS3 } from '@/lib/storage/embedded-s3';
import { createStorage, setStorage, type Storage } from '@/lib/storage/s3';

/** A real S3-compatible server for this test file, in a temp folder; also the app's storage. */
export async function createTestStorage(): Promise<Storage> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'port-s3-'));
  const embedded = await startEmbeddedS3({ dir, bucket: 'test-bucket' });
  const storage = createStorage({ endpoint: embedded.endpoint, bucket: 'test-bucket', ...EMBEDDED_S3_CREDENTIALS }, embedded.close);
  setStorage(storage);
  return storage;
}
