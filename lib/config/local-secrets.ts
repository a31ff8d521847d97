import 'server-only';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

type LocalSecrets = { authSecret: string; pinEncryptionKey: string };

/**
 * Secrets for a local run, generated once into the data folder (never committed), so a restart
 * keeps sessions valid and stored PINs readable.
 */
export function loadLocalSecrets(dataDir: string): LocalSecrets {
  const file = path.join(dataDir, 'secrets.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LocalSecrets;
  } catch {
    const secrets: LocalSecrets = {
      authSecret: randomBytes(32).toString('base64url'),
      pinEncryptionKey: randomBytes(32).toString('base64'),
    };
    mkdirSync(dataDir, { recursive: true });
    // 'wx': if another process wrote it first, keep theirs.
    try {
      writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: 'wx' });
      return secrets;
    } catch {
      return JSON.parse(readFileSync(file, 'utf8')) as LocalSecrets;
    }
  }
}
