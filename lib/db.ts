import 'server-only';
import { openDatabase, type Database, type DatabaseHandle } from '@/db/client';
import { pgliteTemplateDir } from '@/db/pglite-template';
import { getEnv } from '@/lib/config/env';
import { prepareDatabase } from '@/lib/prepare-database';

const cache = globalThis as unknown as { __portDb?: Promise<DatabaseHandle> };

/**
 * The process's one database, opened, migrated and (locally, when empty) seeded on first use. Held on globalThis because Next
 * bundles instrumentation and routes separately, and two PGlite instances on one folder lose writes.
 */
export function getDatabaseHandle(): Promise<DatabaseHandle> {
  cache.__portDb ??= (async () => {
    const config = getEnv().database;
    const handle = await openDatabase(config.kind === 'pglite' ? { ...config, templateDir: pgliteTemplateDir() } : config);
    await prepareDatabase(handle);
    return handle;
  })().catch((error) => {
    cache.__portDb = undefined; // let the next request try again
    throw error;
  });
  return cache.__portDb;
}

export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}

/** Tests give each file its own database. */
export function setDatabaseHandle(handle: DatabaseHandle | undefined) {
  cache.__portDb = handle ? Promise.resolve(handle) : undefined;
}
