import 'server-only';
import { GetObjectCommand, PutObjectCommand, DeleteObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { getEnv } from '@/lib/config/env';
import { EMBEDDED_S3_CREDENTIALS, startEmbeddedS3 } from './embedded-s3';

export type Storage = { client: S3Client; bucket: string; close(): Promise<void> };

export type StorageTarget = {
  endpoint?: string;
  bucket: string;
  region?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle?: boolean;
};

export function createStorage(target: StorageTarget, close: () => Promise<void> = async () => {}): Storage {
  const client = new S3Client({
    endpoint: target.endpoint,
    region: target.region ?? 'us-east-1',
    forcePathStyle: target.forcePathStyle ?? !!target.endpoint,
    credentials:
      target.accessKeyId && target.secretAccessKey
        ? { accessKeyId: target.accessKeyId, secretAccessKey: target.secretAccessKey }
        : undefined,
    // The SDK's default checksums frame streamed bodies in a way some S3-compatible stores save as data.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
  });
  return {
    client,
    bucket: target.bucket,
    close: async () => {
      client.destroy();
      await close();
    },
  };
}

const cache = globalThis as unknown as { __portStorage?: Promise<Storage> };

/** The process's object store: the configured S3, or the embedded server started on first use. */
export function getStorage(): Promise<Storage> {
  cache.__portStorage ??= (async () => {
    const config = getEnv().storage;
    if (config.kind === 's3') return createStorage(config);
    const embedded = await startEmbeddedS3({ dir: config.dir, bucket: config.bucket });
    return createStorage({ endpoint: embedded.endpoint, bucket: config.bucket, ...EMBEDDED_S3_CREDENTIALS }, embedded.close);
  })().catch((error) => {
    cache.__portStorage = undefined;
    throw error;
  });
  return cache.__portStorage;
}

export function setStorage(storage: Storage | undefined) {
  cache.__portStorage = storage ? Promise.resolve(storage) : undefined;
}

export async function putObject(key: string, body: Buffer | string, contentType: string): Promise<void> {
  const { client, bucket } = await getStorage();
  await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }));
}

export async function getObjectBytes(key: string): Promise<Buffer> {
  const { client, bucket } = await getStorage();
  const result = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return Buffer.from(await result.Body!.transformToByteArray());
}

export async function deleteObject(key: string): Promise<void> {
  const { client, bucket } = await getStorage();
  await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
}

/** Presigned download: call only after the caller has checked the user may read `key`. */
export async function presignDownload(key: string, options: { filename: string; expiresInSeconds?: number }): Promise<string> {
  const { client, bucket } = await getStorage();
  const safeName = options.filename.replace(/[^\w.\- ]+/g, '_');
  return getSignedUrl(
    client,
    new GetObjectCommand({
      Bucket: bucket,
      Key: key,
      ResponseContentDisposition: `attachment; filename="${safeName}"`,
    }),
    { expiresIn: options.expiresInSeconds ?? 300 },
  );
}
