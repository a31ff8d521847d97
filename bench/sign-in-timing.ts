// `npm run bench:sign-in`: can a script tell an address with an account from one without by how long
// "Email me a sign-in link" takes? 20 tries each, interleaved, against the production build served
// as `npm start` serves it, on a data folder seeded with 20 extra users (the per-address limit is 5).
// The unknown addresses are the baseline: both groups should sit inside each other's spread.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { users } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { serverCommand } from '../scripts/server-command';

const TRIES = Number(process.env.BENCH_TRIES ?? 20);
const port = process.env.BENCH_PORT ?? '3290';
const baseUrl = `http://localhost:${port}`;

export async function benchSignInTiming(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'port-bench-sign-in-'));
  const seed = await openDatabase({ kind: 'pglite', dir: path.join(dataDir, 'pglite') });
  await runMigrations(seed);
  await seedDemo(seed.db);
  await seed.db.insert(users).values(Array.from({ length: TRIES }, (_, i) => ({ email: `bench${i}@summit.example`, name: `Bench ${i}` })));
  await seed.close();

  const server = spawn(process.execPath, serverCommand(), {
    env: { ...process.env, DATA_DIR: dataDir, PORT: port, APP_URL: baseUrl, DATABASE_URL: '', S3_BUCKET: '', RESEND_API_KEY: '' },
    stdio: 'ignore',
  });
  try {
    process.env.E2E_BASE_URL = baseUrl;
    const { rawAction, rawRequest } = await import('../tests/e2e/helpers/raw-http');
    const { serverActions } = await import('../tests/e2e/helpers/server-actions');
    for (let i = 0; i < 120; i++) {
      const up = await rawRequest('GET', '/sign-in').then((r) => r.status === 200, () => false);
      if (up) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const id = serverActions().find((a) => a.exportedName === 'requestSignInLink')!.id;
    const time = async (email: string) => {
      const start = performance.now();
      const response = await rawAction('/sign-in', id, { email }, { Origin: baseUrl });
      if (response.status >= 400) throw new Error(`sign-in answered ${response.status}`);
      return performance.now() - start;
    };
    // Warm up the route and its code paths, then measure with a pause so background work settles.
    for (let i = 0; i < 3; i++) await time(`warmup${i}@nowhere.example`);
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < TRIES; i++) {
      known.push(await time(`bench${i}@summit.example`));
      await new Promise((r) => setTimeout(r, 150));
      unknown.push(await time(`stranger${i}@nowhere.example`));
      await new Promise((r) => setTimeout(r, 150));
    }
    const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
    const row = (label: string, xs: number[]) =>
      console.log(`| ${label} | ${xs.length} | ${q(xs, 0.5).toFixed(1)} ms | ${q(xs, 0.25).toFixed(1)}-${q(xs, 0.75).toFixed(1)} ms |`);
    row('unknown address (baseline)', unknown);
    row('address with an account', known);
    const gap = q(known, 0.5) - q(unknown, 0.5);
    const spread = Math.max(q(unknown, 0.75) - q(unknown, 0.25), q(known, 0.75) - q(known, 0.25));
    console.log(`\nmedian gap ${gap.toFixed(1)} ms against an interquartile spread of ${spread.toFixed(1)} ms: ${Math.abs(gap) <= spread ? 'inside the noise' : 'MEASURABLE'}`);
  } finally {
    server.kill('SIGTERM');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log('| addresses | tries | median | interquartile range |\n|---|---|---|---|');
  await benchSignInTiming();
}
