import type { DatabaseHandle } from './client';
import { migrationsFolder } from './client';

// Any constant: several app instances starting together take turns applying migrations.
const MIGRATION_LOCK_KEY = 727_466_213;

export async function runMigrations(handle: DatabaseHandle): Promise<void> {
  const { config } = handle;
  if (config.kind === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator wants the driver's own type
    await migrate(handle.db as any, { migrationsFolder });
    return;
  }
  // A session-level advisory lock needs one connection for lock, migrate and unlock.
  const { Client } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const client = new Client({ connectionString: config.url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migrate(drizzle(client), { migrationsFolder });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}
