import 'server-only';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir, tighten } from './private-dir';

type LocalSecrets = { authSecret: string; pinEncryptionKey: string };

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
