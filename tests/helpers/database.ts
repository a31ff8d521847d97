import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle, type QueryLogger } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { seedDemo } from '@/db/seed';
import { setDatabaseHandle } from '@/lib/db';

/**
 * A database of one test's own, copied from a template made once per run (global-setup.ts):
 * migrated, and with the demo loaded unless `seeded: false`. On PGlite a fresh instance loaded from
 * the template's tarball; on PostgreSQL (DATABASE_URL, npm run test:pg) `create database ...
 * template ...`, dropped again by close(). It also becomes the app's database (getDb).
 *
 * Use it through setupTestContext() (test-context.ts); this is its engine.
 */

// Read when this module loads, before any test can change process.env (app-start-seed.test.ts
// puts a production DATABASE_URL there for the code under test).
const ADMIN_URL = process.env.DATABASE_URL;
const PG_TEMPLATES = { seeded: process.env.PG_SEEDED_TEMPLATE, migrated: process.env.PG_TEMPLATE };
const PGLITE_TEMPLATES = { seeded: process.env.PGLITE_SEEDED_TEMPLATE, migrated: process.env.PGLITE_TEMPLATE };

export const usingPostgres = Boolean(ADMIN_URL);

const tarballs = new Map<string, Blob>();
let admin: Promise<DatabaseHandle> | undefined;

export async function openTestDatabase(options: { seeded?: boolean; logger?: QueryLogger } = {}): Promise<DatabaseHandle> {
  const { seeded = true, logger } = options;
  const handle = ADMIN_URL ? await clonePostgres(ADMIN_URL, seeded, logger) : await clonePglite(seeded, logger);
  setDatabaseHandle(handle);
  return handle;
}

/** Closes what this file opened once for all its tests (the PostgreSQL admin connection). */
export async function closeTestDatabases(): Promise<void> {
  const open = admin;
  admin = undefined;
  if (open) await (await open).close();
}

async function clonePglite(seeded: boolean, logger?: QueryLogger): Promise<DatabaseHandle> {
  const template = seeded ? PGLITE_TEMPLATES.seeded : PGLITE_TEMPLATES.migrated;
  if (!template) {
    // No global setup (a script importing this): build it the slow way.
    const handle = await openDatabase({ kind: 'pglite', logger });
    await runMigrations(handle);
    if (seeded) await seedDemo(handle.db);
    return handle;
  }
  let tarball = tarballs.get(template);
  if (!tarball) tarballs.set(template, (tarball = new Blob([readFileSync(template)])));
  return openDatabase({ kind: 'pglite', loadDataDir: tarball, logger });
}

async function clonePostgres(url: string, seeded: boolean, logger?: QueryLogger): Promise<DatabaseHandle> {
  const template = seeded ? PG_TEMPLATES.seeded : PG_TEMPLATES.migrated;
  if (!template) throw new Error('DATABASE_URL is set but the global setup made no template database (run through jest)');
  admin ??= openDatabase({ kind: 'postgres', url, max: 1 });
  const server = await admin;
  const name = `test_${process.pid}_${randomBytes(5).toString('hex')}`;
  await createFromTemplate(server, name, template);
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const own = await openDatabase({ kind: 'postgres', url: dbUrl.toString(), max: 5, logger });
  return {
    ...own,
    close: async () => {
      await own.close();
      await server.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
    },
  };
}

async function createFromTemplate(server: DatabaseHandle, name: string, template: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      await server.db.execute(sql.raw(`create database ${name} template ${template}`));
      return;
    } catch (error) {
      // 55006: the template is being accessed by other users (another worker's create, in flight).
      const code = (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
      if (code !== '55006' || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}
