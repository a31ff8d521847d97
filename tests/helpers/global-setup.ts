import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '../../db/client';
import { runMigrations } from '../../db/migrate';
import { seedDemo } from '../../db/seed';

/**
 * Once per run, before any test file: the two databases every test starts from, migrated, and
 * migrated with the demo loaded (db/seed.ts). tests/helpers/database.ts gives each test a copy of one.
 *
 * - PGlite: both are saved as uncompressed tarballs (a test loads one in ~0.3 s; a gzip one takes
 *   ~0.55 s) in this run's temp folder, named in PGLITE_TEMPLATE and PGLITE_SEEDED_TEMPLATE.
 * - PostgreSQL (DATABASE_URL, npm run test:pg): two template databases of this run, named in
 *   PG_TEMPLATE and PG_SEEDED_TEMPLATE; a test's database is `create database ... template ...`
 *   (~20 ms). global-teardown.ts drops them.
 *
 * Also the folder where freshNumber() claims its blocks (TEST_NUMBERS_DIR). The variables are set
 * here, in jest's parent process, so every worker inherits them.
 */
export default async function globalSetup() {
  const root = path.join(os.tmpdir(), 'port-numbers-tests');
  mkdirSync(root, { recursive: true });
  const runDir = mkdtempSync(path.join(root, `run-${process.pid}-`));
  process.env.TEST_RUN_DIR = runDir;
  process.env.TEST_NUMBERS_DIR = path.join(runDir, 'numbers');
  mkdirSync(process.env.TEST_NUMBERS_DIR);

  const url = process.env.DATABASE_URL;
  if (url) {
    const tag = `${process.pid}_${Date.now().toString(36)}`;
    const migrated = `test_tpl_${tag}_migrated`;
    const seeded = `test_tpl_${tag}_seeded`;
    process.env.PG_TEMPLATE = migrated;
    process.env.PG_SEEDED_TEMPLATE = seeded;
    const admin = await openDatabase({ kind: 'postgres', url, max: 1 });
    try {
      await admin.db.execute(sql.raw(`create database ${migrated}`));
      await withDatabase(url, migrated, (handle) => runMigrations(handle));
      await admin.db.execute(sql.raw(`create database ${seeded} template ${migrated}`));
      await withDatabase(url, seeded, (handle) => seedDemo(handle.db));
    } finally {
      await admin.close();
    }
    return;
  }

  const handle = await openDatabase({ kind: 'pglite' });
  try {
    await runMigrations(handle);
    process.env.PGLITE_TEMPLATE = await saveTarball(handle, path.join(runDir, 'pglite-migrated.tar'));
    await seedDemo(handle.db);
    process.env.PGLITE_SEEDED_TEMPLATE = await saveTarball(handle, path.join(runDir, 'pglite-seeded.tar'));
  } finally {
    await handle.close();
  }
}

async function saveTarball(handle: DatabaseHandle, file: string): Promise<string> {
  const gzip = await handle.dump!();
  writeFileSync(file, gunzipSync(Buffer.from(await gzip.arrayBuffer())));
  return file;
}

async function withDatabase(url: string, name: string, work: (handle: DatabaseHandle) => Promise<void>) {
  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: target.toString(), max: 1 });
  try {
    await work(handle);
  } finally {
    await handle.close();
  }
}
