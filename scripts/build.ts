// `npm run build` (and `npm start` when the build is missing or older than the sources): Next's
// production build, then what a production start needs besides it:
// - the front door (scripts/server.ts) compiled to plain JavaScript, so the server process runs
//   without a TypeScript loader hooked into every module Node loads (a second of a start);
// - a migrated empty PGlite database (db/pglite-template.ts), copied into a new data folder.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';
import { openDatabase } from '../db/client';
import { runMigrations } from '../db/migrate';
import { writePgliteTemplate } from '../db/pglite-template';
import { FRONT_DOOR_BUNDLE } from './server-command';

export async function buildApp(): Promise<void> {
  const nextBin = path.join('node_modules', 'next', 'dist', 'bin', 'next');
  const next = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (next.status !== 0) throw new Error(`next build failed (exit ${next.status})`);

  // Packages stay external: Node loads them from node_modules, the same copies Next's server loads.
  await build({
    entryPoints: ['scripts/server.ts'],
    outfile: FRONT_DOOR_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });

  const handle = await openDatabase({ kind: 'pglite' });
  try {
    await runMigrations(handle);
    await writePgliteTemplate(await handle.dump!());
  } finally {
    await handle.close();
  }
  console.log(`Front door compiled to ${FRONT_DOOR_BUNDLE}; migrated embedded database template written.`);
}

if (process.argv[1]?.endsWith(path.join('scripts', 'build.ts'))) {
  await buildApp().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
