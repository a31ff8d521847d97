// `npm run bench:cold-start`: seconds from starting the built app to the first page served, on the
// embedded defaults: a first start on an empty data folder (create, migrate, seed) against a
// restart on the folder it left (the baseline).
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { serverCommand } from '../scripts/server-command';

async function timeToFirstPage(dataDir: string, port: number): Promise<number> {
  const start = performance.now();
  const server = spawn(process.execPath, serverCommand(), {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), APP_URL: `http://localhost:${port}`, DATABASE_URL: '', S3_BUCKET: '', RESEND_API_KEY: '' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      try {
        if ((await fetch(`http://localhost:${port}/sign-in`)).ok) return (performance.now() - start) / 1000;
      } catch {
        /* not up yet */
      }
      if (performance.now() - start > 120_000) throw new Error('no page within 120 s');
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
}

export async function benchColdStart(): Promise<string[]> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'port-cold-'));
  const fresh = await timeToFirstPage(dataDir, 3290);
  const again = await timeToFirstPage(dataDir, 3291);
  const rows = [
    `| first start, empty data folder | ${fresh.toFixed(2)} s | ${(fresh / again).toFixed(1)}x |`,
    `| restart on the same folder (baseline) | ${again.toFixed(2)} s | 1.0x |`,
  ];
  for (const r of rows) console.log(r);
  return rows;
}

if (process.argv[1]?.endsWith('cold-start.ts')) {
  console.log('| start | to first page | vs baseline |\n|---|---|---|');
  await benchColdStart();
}
