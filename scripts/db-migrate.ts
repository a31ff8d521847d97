import { openDatabase } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { getEnv } from '@/lib/config/env';

const env = getEnv();
const handle = await openDatabase(env.database);
await runMigrations(handle);
await handle.close();
console.log(`Migrations applied (${env.database.kind}).`);
