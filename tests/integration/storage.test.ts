import { randomBytes } from 'node:crypto';
import { getObjectBytes, presignDownload, putObject } from '@/lib/storage/s3';
import { setupTestContext } from '../helpers/test-context';

// Each test gets its own bucket, the app's storage (getStorage) while it runs.
setupTestContext({ database: false });

test('an object put through the S3 client comes back byte for byte', async () => {
  const bytes = randomBytes(256 * 1024);
  await putObject('proof/abc.pdf', bytes, 'application/pdf');
  expect((await getObjectBytes('proof/abc.pdf')).equals(bytes)).toBe(true);
});

test('a presigned download URL serves the object as an attachment', async () => {
  await putObject('loa/signed.pdf', Buffer.from('%PDF-1.7 test'), 'application/pdf');
  const url = await presignDownload('loa/signed.pdf', { filename: 'Letter of Authorization.pdf', expiresInSeconds: 60 });
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-disposition')).toBe('attachment; filename="Letter of Authorization.pdf"');
  expect(await response.text()).toBe('%PDF-1.7 test');

  // Short-lived: the link is handed out after an authorization check and must not outlive it.
  expect(new URL(url).searchParams.get('X-Amz-Expires')).toBe('60');
});

test('reading a key that does not exist fails rather than returning empty data', async () => {
  await expect(getObjectBytes('proof/missing.pdf')).rejects.toThrow();
});
