// The data folder holds the database, the stored files and the local secrets. No server-only
// import: db/client.ts, which scripts and jest's global setup load outside Next, uses it too.
import { chmodSync, mkdirSync, statSync } from 'node:fs';

/**
 * Creates a folder of the data dir (and any missing parent) readable by this user only, and
 * tightens one that already exists: it holds the database, the stored files and the secrets.
 */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  tighten(dir, 0o700);
}

/** Sets a file's or folder's mode, refusing a shared sticky folder rather than locking others out. */
export function tighten(file: string, mode: number) {
  const current = statSync(file).mode;
  // A sticky folder (/tmp) is shared by design: never lock other users out of it.
  if (current & 0o1000) throw new Error(`${file} is a shared folder (sticky bit): the app's data needs a folder of its own (DATA_DIR)`);
  if ((current & 0o777) !== mode) chmodSync(file, mode);
}
