import { chmodSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '@/db/client';
import { parseEnv } from '@/lib/config/env';
import { ensurePrivateDir } from '@/lib/config/private-dir';
import { startEmbeddedS3 } from '@/lib/storage/embedded-s3';

// Security review, issue 12 (12f): the data folder holds the database, the stored files and the
// local secrets, so only its owner may read it. Tests run as root: check the mode bits, not access.
const mode = (file: string) => statSync(file).mode & 0o7777;
const scratch = () => mkdtempSync(path.join(os.tmpdir(), 'port-data-dir-'));

test('a data folder made from scratch is owner-only (0700), and its secrets file 0600', () => {
  const dataDir = path.join(scratch(), 'new', '.data');
  parseEnv({ DATA_DIR: dataDir }, os.tmpdir());
  expect(mode(dataDir)).toBe(0o700);
  expect(mode(path.dirname(dataDir))).toBe(0o700);
  expect(mode(path.join(dataDir, 'secrets.json'))).toBe(0o600);
});

test('an existing data folder with 0755 and a readable secrets file are tightened, and the secrets kept', () => {
  const dataDir = path.join(scratch(), '.data');
  mkdirSync(dataDir);
  chmodSync(dataDir, 0o755);
  const secrets = path.join(dataDir, 'secrets.json');
  const authSecret = 'a'.repeat(43);
  writeFileSync(secrets, JSON.stringify({ authSecret, pinEncryptionKey: Buffer.alloc(32, 1).toString('base64') }));
  chmodSync(secrets, 0o644);

  expect(parseEnv({ DATA_DIR: dataDir }, os.tmpdir()).authSecret).toBe(authSecret);
  expect(mode(dataDir)).toBe(0o700);
  expect(mode(secrets)).toBe(0o600);
});

test('the embedded database and file store folders are owner-only, new or existing', async () => {
  const dataDir = path.join(scratch(), '.data');
  const s3Dir = path.join(dataDir, 's3');
  mkdirSync(s3Dir, { recursive: true });
  chmodSync(s3Dir, 0o755);
  const s3 = await startEmbeddedS3({ dir: s3Dir, bucket: 'private' });
  await s3.close();
  expect(mode(s3Dir)).toBe(0o700);

  const pgliteDir = path.join(scratch(), 'fresh', 'pglite');
  const db = await openDatabase({ kind: 'pglite', dir: pgliteDir });
  await db.close();
  expect(mode(pgliteDir)).toBe(0o700);
  expect(mode(path.dirname(pgliteDir))).toBe(0o700);
});

test('a shared sticky folder such as /tmp is refused, not locked down', () => {
  const shared = scratch();
  chmodSync(shared, 0o1777);
  expect(() => ensurePrivateDir(shared)).toThrow('shared folder');
  expect(mode(shared)).toBe(0o1777);
});
