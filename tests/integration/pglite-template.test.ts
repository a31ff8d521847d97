/**
 * A first start on the embedded database copies the migrated empty database the build made
 * (db/pglite-template.ts) instead of running initdb and every migration: the copy must be a
 * database of its own, fully migrated, private to its owner, and never replace one that exists.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { copyPgliteTemplate, pgliteTemplateDir, writePgliteTemplate } from '@/db/pglite-template';
import { users } from '@/db/schema';

const migrations = readdirSync(path.join(process.cwd(), 'db', 'migrations')).filter((f) => f.endsWith('.sql')).length;
let root: string;
let templateDir: string;

// PGlite's initdb and the migrations take seconds alone, many more on a busy machine: generous limits.
const SLOW = 180_000;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'port-template-'));
  // The run's own migrated tarball (tests/helpers/global-setup.ts) when there is one: the build makes its
  // template from the same kind of tarball (scripts/build.ts).
  let tarball = process.env.PGLITE_TEMPLATE ? new Blob([readFileSync(process.env.PGLITE_TEMPLATE)]) : undefined;
  if (!tarball) {
    const built = await openDatabase({ kind: 'pglite' });
    await runMigrations(built);
    tarball = await built.dump!();
    await built.close();
  }
  templateDir = await writePgliteTemplate(tarball, path.join(root, 'templates'));
}, SLOW);

const count = async (handle: Awaited<ReturnType<typeof openDatabase>>, query: string) =>
  Number(((await handle.db.execute(sql.raw(query))) as unknown as { rows: { n: number }[] }).rows[0].n);

test('a new data folder starts from the template: every migration applied, and its own writes stay its own', async () => {
  expect(templateDir).toBe(pgliteTemplateDir(path.join(root, 'templates')));
  const dir = path.join(root, 'first', 'pglite');
  const first = await openDatabase({ kind: 'pglite', dir, templateDir });
  expect(await count(first, 'select count(*)::int as n from drizzle.__drizzle_migrations')).toBe(migrations);
  await runMigrations(first); // nothing left to apply
  await first.db.insert(users).values({ email: 'first@example.com', name: 'First' });
  await first.close();
  expect(statSync(dir).mode & 0o777).toBe(0o700);

  // The same folder again: the database is resumed, not replaced by the template.
  const again = await openDatabase({ kind: 'pglite', dir, templateDir });
  expect(await count(again, 'select count(*)::int as n from users')).toBe(1);
  await again.close();
  expect(copyPgliteTemplate(templateDir, dir)).toBe(false);

  // Another folder from the same template sees nothing of the first one's.
  const other = await openDatabase({ kind: 'pglite', dir: path.join(root, 'other', 'pglite'), templateDir });
  expect(await count(other, 'select count(*)::int as n from users')).toBe(0);
  await other.close();
}, SLOW);

test('without a template for these migrations, a new folder is created and migrated as before', async () => {
  const dir = path.join(root, 'no-template', 'pglite');
  const handle = await openDatabase({ kind: 'pglite', dir, templateDir: path.join(root, 'templates', 'made-for-other-migrations') });
  expect(readdirSync(dir)).toContain('PG_VERSION');
  await runMigrations(handle);
  expect(await count(handle, 'select count(*)::int as n from drizzle.__drizzle_migrations')).toBe(migrations);
  await handle.close();
}, SLOW);
