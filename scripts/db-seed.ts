import { openDatabase } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { seedDemo } from '@/db/seed';
import { getEnv } from '@/lib/config/env';

const env = getEnv();
const handle = await openDatabase(env.database);
await runMigrations(handle);
await seedDemo(handle.db);
await handle.close();
console.log(`Demo data present (${env.database.kind}); running this again adds nothing.`);
