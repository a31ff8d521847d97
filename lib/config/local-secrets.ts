// No 'server-only' here: db/client.ts, which scripts and jest's global setup load outside Next, uses
// ensurePrivateDir too. This module holds no secret; it writes them to disk for env.ts.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

type LocalSecrets = { authSecret: string; pinEncryptionKey: string };

/**
 * Creates a folder of the data dir (and any missing parent) readable by this user only, and
 * tightens one that already exists: it holds the database, the stored files and the secrets.
 */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  tighten(dir, 0o700);
}

function tighten(file: string, mode: number) {
  const current = statSync(file).mode;
  // A sticky folder (/tmp) is shared by design: never lock other users out of it.
  if (current & 0o1000) throw new Error(`${file} is a shared folder (sticky bit): the app's data needs a folder of its own (DATA_DIR)`);
  if ((current & 0o777) !== mode) chmodSync(file, mode);
}

/**
 * Secrets for a local run, generated once into the data folder (never committed), so a restart
 * keeps sessions valid and stored PINs readable.
 */
export function loadLocalSecrets(dataDir: string): LocalSecrets {
  ensurePrivateDir(dataDir);
  const file = path.join(dataDir, 'secrets.json');
  const generated: LocalSecrets = {
    authSecret: randomBytes(32).toString('base64url'),
    pinEncryptionKey: randomBytes(32).toString('base64'),
  };
  try {
    // 'wx': if the file exists (an earlier run, or another process just now), keep it.
    writeFileSync(file, JSON.stringify(generated, null, 2), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  tighten(file, 0o600);
  return JSON.parse(readFileSync(file, 'utf8')) as LocalSecrets;
}
