import 'server-only';
import { ensurePrivateDir } from '@/lib/config/private-dir';

export type EmbeddedS3 = { endpoint: string; close(): Promise<void> };

// s3rver's fixed development credentials: any key works, but the SDK insists on one.
export const EMBEDDED_S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** Starts an S3-compatible server on 127.0.0.1 with its objects under `dir`. */
export async function startEmbeddedS3(options: { dir: string; bucket: string; port?: number }): Promise<EmbeddedS3> {
  const { default: S3rver } = await import('s3rver');
  ensurePrivateDir(options.dir);
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port ?? 0,
    directory: options.dir,
    silent: true,
    configureBuckets: [{ name: options.bucket }],
  });
  const { port } = await server.run();
  return { endpoint: `http://127.0.0.1:${port}`, close: () => server.close() };
}
