// `npm run bench:sign-in`: can a script tell an address with an account from one without by how long
// "Email me a sign-in link" takes? 20 tries each, interleaved, against the production build served
// as `npm start` serves it, on a data folder seeded with 20 extra users (the per-address limit is 5).
// The unknown addresses are the baseline: both groups should sit inside each other's spread, for the
// answer itself and for the next request the same script sends right after it (the background work
// that follows a request, a token and an email for a known address, must not show there either).
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
      const answered = performance.now();
      await rawRequest('GET', '/sign-in/check-email');
      return { answer: answered - start, next: performance.now() - answered };
    };
    // Warm up the route and its code paths, then measure with a pause so background work settles.
    for (let i = 0; i < 3; i++) await time(`warmup${i}@nowhere.example`);
    const known: { answer: number; next: number }[] = [];
    const unknown: { answer: number; next: number }[] = [];
    for (let i = 0; i < TRIES; i++) {
      // Alternate which goes first, so neither always follows the other's background work.
      const pair = i % 2 ? (['known', 'unknown'] as const) : (['unknown', 'known'] as const);
      for (const kind of pair) {
        (kind === 'known' ? known : unknown).push(await time(kind === 'known' ? `bench${i}@summit.example` : `stranger${i}@nowhere.example`));
        await new Promise((r) => setTimeout(r, 400));
      }
    }
    const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
    const row = (label: string, xs: number[]) =>
      console.log(`| ${label} | ${xs.length} | ${q(xs, 0.5).toFixed(1)} ms | ${q(xs, 0.25).toFixed(1)}-${q(xs, 0.75).toFixed(1)} ms |`);
    const verdicts: string[] = [];
    for (const part of ['answer', 'next'] as const) {
      const k = known.map((t) => t[part]);
      const u = unknown.map((t) => t[part]);
      const what = part === 'answer' ? 'the answer' : 'the next request';
      row(`${what}: unknown address (baseline)`, u);
      row(`${what}: address with an account`, k);
      const gap = q(k, 0.5) - q(u, 0.5);
      const spread = Math.max(q(u, 0.75) - q(u, 0.25), q(k, 0.75) - q(k, 0.25));
      verdicts.push(`${what}: median gap ${gap.toFixed(1)} ms against an interquartile spread of ${spread.toFixed(1)} ms: ${Math.abs(gap) <= spread ? 'inside the noise' : 'MEASURABLE'}`);
    }
    console.log(`\n${verdicts.join('\n')}`);
  } finally {
    server.kill('SIGTERM');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log('| addresses | tries | median | interquartile range |\n|---|---|---|---|');
  await benchSignInTiming();
}
