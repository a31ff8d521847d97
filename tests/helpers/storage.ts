import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { EMBEDDED_S3_CREDENTIALS, startEmbeddedS3 } from '@/lib/storage/embedded-s3';
import { setStorage, type Storage } from '@/lib/storage/s3';

/**
 * The storage stand-in: a real S3-compatible server (s3rver) in a temp folder, one per test file.
 * Each test gets a bucket of its own on it (bucket()), which also becomes the app's storage.
 */
export async function startTestStorage() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'port-s3-'));
  const embedded = await startEmbeddedS3({ dir, bucket: 'test-bucket' });
  const client = new S3Client({
    endpoint: embedded.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: EMBEDDED_S3_CREDENTIALS,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  let buckets = 0;
  return {
    dir,
    endpoint: embedded.endpoint,
    /** A new, empty bucket, made the app's storage. Closing it leaves the server running. */
    async bucket(): Promise<Storage> {
      const name = `test-${++buckets}`;
      await client.send(new CreateBucketCommand({ Bucket: name }));
      const storage: Storage = { client, bucket: name, close: async () => {} };
      setStorage(storage);
      return storage;
    },
    async close() {
      setStorage(undefined);
      client.destroy();
      await embedded.close();
    },
  };
}

export type TestStorageServer = Awaited<ReturnType<typeof startTestStorage>>;
