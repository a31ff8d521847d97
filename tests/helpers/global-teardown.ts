import { rmSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../db/client';

/** After the last test file: this run's templates (global-setup.ts) go. */
export default async function globalTeardown() {
  const url = process.env.DATABASE_URL;
  const templates = [process.env.PG_SEEDED_TEMPLATE, process.env.PG_TEMPLATE].filter(Boolean);
  if (url && templates.length) {
    const admin = await openDatabase({ kind: 'postgres', url, max: 1 });
    try {
      for (const name of templates) await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
    } finally {
      await admin.close();
    }
  }
  if (process.env.TEST_RUN_DIR) rmSync(process.env.TEST_RUN_DIR, { recursive: true, force: true });
}
