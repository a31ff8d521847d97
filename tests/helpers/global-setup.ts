import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../db/client';
import { runMigrations } from '../../db/migrate';

export const TEMPLATE_FILE = path.join(os.tmpdir(), 'port-numbers-tests', `pglite-template-${process.pid}.tgz`);

/** Migrates one PGlite database and saves it, so each test file starts from a copy in well under a second. */
export default async function globalSetup() {
  if (process.env.DATABASE_URL) return;
  const handle = await openDatabase({ kind: 'pglite' });
  await runMigrations(handle);
  const dump = await handle.dump!();
  await handle.close();
  mkdirSync(path.dirname(TEMPLATE_FILE), { recursive: true });
  writeFileSync(TEMPLATE_FILE, Buffer.from(await dump.arrayBuffer()));
  process.env.PGLITE_TEMPLATE = TEMPLATE_FILE;
}
