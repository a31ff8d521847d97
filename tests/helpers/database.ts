import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { setDatabaseHandle } from '@/lib/db';

/**
 * A database of this test file's own: a PGlite copy of the migrated template, or, when
 * DATABASE_URL is set (npm run test:pg), a fresh PostgreSQL database dropped afterwards.
 * It also becomes the app's database (getDb) for this file.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  let handle: DatabaseHandle;
  if (url) {
    const name = `test_${randomBytes(6).toString('hex')}`;
    const admin = await openDatabase({ kind: 'postgres', url, max: 1 });
    await admin.db.execute(sql.raw(`create database ${name}`));
    await admin.close();
    const dbUrl = new URL(url);
    dbUrl.pathname = `/${name}`;
    const own = await openDatabase({ kind: 'postgres', url: dbUrl.toString(), max: 5 });
    await runMigrations(own);
    handle = {
      ...own,
      close: async () => {
        await own.close();
        const again = await openDatabase({ kind: 'postgres', url, max: 1 });
        await again.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
        await again.close();
      },
    };
  } else {
    const template = process.env.PGLITE_TEMPLATE;
    handle = template
      ? await openDatabase({ kind: 'pglite', loadDataDir: new Blob([readFileSync(template)]) })
      : await openDatabase({ kind: 'pglite' });
    if (!template) await runMigrations(handle);
  }
  setDatabaseHandle(handle);
  return handle;
}
