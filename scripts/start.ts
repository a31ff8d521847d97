// `npm start`: builds when there is no build for the current sources, then serves with `next start`.
// Migrations, the demo seed, the embedded S3 server and the outbox worker start inside the server
// process (instrumentation.ts), so every way of starting the app does the same.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { getLogger } from '../lib/ops/logger';
import { buildApp } from './build';
import { FRONT_DOOR_BUNDLE, serverCommand } from './server-command';

const root = process.cwd();
const dev = process.argv.includes('--dev');

function newestSourceMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', '.next', '.data', '.git', 'tests', 'bench'].includes(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMtime(full));
    else if (/\.(tsx?|css|mjs|json|sql)$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function buildIsCurrent(): boolean {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!existsSync(buildId) || !readFileSync(buildId, 'utf8').trim() || !existsSync(FRONT_DOOR_BUNDLE)) return false;
  return statSync(buildId).mtimeMs >= newestSourceMtime(root);
}

if (!dev && !buildIsCurrent()) {
  getLogger().info({ context: 'start' }, 'building the app (first run or sources changed)');
  await buildApp().catch((error) => {
    getLogger().fatal({ context: 'start' }, `the build failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
}

// The app's own server (scripts/server.ts): Next behind a front door that trusts no Host header.
const server = spawn(process.execPath, serverCommand({ dev }), {
  stdio: 'inherit',
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
