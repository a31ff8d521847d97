import { openDatabase } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { seedDemo, shouldSeedDemo } from '@/db/seed';
import { getEnv } from '@/lib/config/env';

const env = getEnv();
// Demo users in a production database could be signed in to by anyone who knows the demo list.
if (!shouldSeedDemo(env) && !process.argv.includes('--force')) {
  console.error(
    `Not loading the demo: APP_URL (${env.appUrl}) is not localhost and PUBLIC_DEMO is not set. To load it into this database anyway: npm run db:seed -- --force`,
  );
  process.exit(1);
}
const handle = await openDatabase(env.database);
await runMigrations(handle);
await seedDemo(handle.db);
await handle.close();
console.log(`Demo data present (${env.database.kind}); running this again adds nothing.`);
