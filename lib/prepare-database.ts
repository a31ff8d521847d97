import 'server-only';
import type { DatabaseHandle } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { isEmpty, seedDemo, shouldSeedDemo } from '@/db/seed';
import { getEnv } from '@/lib/config/env';
import { getLogger } from '@/lib/ops/logger';

/**
 * What the database gets before its first query: the migrations, then, in an empty database, the
 * demo (locally or on a public demo only). Part of opening it (lib/db.ts), so a request that comes
 * while the app is still starting waits for this and never meets a database without its demo users.
 */
export async function prepareDatabase(handle: DatabaseHandle): Promise<void> {
  await runMigrations(handle);
  if (!(await isEmpty(handle.db))) return;
  const logger = getLogger();
  if (shouldSeedDemo(getEnv())) {
    await seedDemo(handle.db);
    logger.info({ context: 'start' }, 'empty database: loaded the demo accounts and users');
  } else {
    logger.info({ context: 'start' }, 'empty database: the demo is not loaded outside localhost (set PUBLIC_DEMO=true for a public demo)');
  }
}
