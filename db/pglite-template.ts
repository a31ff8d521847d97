import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { migrationsFolder } from './client';

// A new embedded database is PGlite's initdb plus every migration: seconds of a first start. The
// build makes that database once (`npm run build`, scripts/build.ts) and a first start copies its
// folder into the new data folder (a plain file copy; loading a tarball through PGlite's own file
// system took a second more). Keyed by the migrations and PGlite's version: a template made for
// other migrations is never used, and without a matching one the start creates the database as before.
const TEMPLATES = path.join(process.cwd(), '.next', 'pglite-template');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .sort();
}

/** Where the template for the current migrations is (or would be). */
export function pgliteTemplateDir(root = TEMPLATES): string {
  const hash = createHash('sha256');
  const pglite = JSON.parse(readFileSync(path.join(process.cwd(), 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8')) as { version: string };
  hash.update(`pglite ${pglite.version}\n`);
  for (const file of filesUnder(migrationsFolder)) hash.update(`${path.relative(migrationsFolder, file)}\n`).update(readFileSync(file));
  return path.join(root, hash.digest('hex').slice(0, 32));
}

const holdsDatabase = (dir: string) => existsSync(path.join(dir, 'PG_VERSION'));

/**
 * Fills a data folder that holds nothing yet with the template, when the build made one for these
 * migrations; the caller holds the folder's lock. Copied beside it and renamed into place, so an
 * interrupted copy never leaves half a database where the next start would find it.
 */
export function copyPgliteTemplate(templateDir: string, dataDir: string): boolean {
  if (!holdsDatabase(templateDir) || holdsDatabase(dataDir)) return false;
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) return false;
  const staging = `${dataDir}.copying-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  cpSync(templateDir, staging, { recursive: true });
  chmodSync(staging, 0o700);
  rmSync(dataDir, { recursive: true, force: true });
  renameSync(staging, dataDir);
  return true;
}

/** The build's side: the template folder (replaced whole) from a PGlite data folder's tarball. */
export async function writePgliteTemplate(tarball: Blob, root = TEMPLATES): Promise<string> {
  const target = pgliteTemplateDir(root);
  const staging = `${target}.writing`;
  rmSync(root, { recursive: true, force: true }); // templates of older migrations
  mkdirSync(root, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const db = await PGlite.create({ dataDir: staging, loadDataDir: tarball, extensions: { pg_trgm } });
  await db.close();
  renameSync(staging, target);
  return target;
}
