import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { FRONT_DOOR_BUNDLE, serverCommand } from '../../scripts/server-command';

/** Starts the production build (building it first if missing) and waits until it serves. */
export async function startAppServer(options: { port: number; env?: Record<string, string>; nodeFlags?: string[] }) {
  if (!existsSync('.next/BUILD_ID') || !existsSync(FRONT_DOOR_BUNDLE)) throw new Error('No production build: run `npm run build` first.');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'port-bench-server-'));
  const log = openSync(path.join(dataDir, 'server.log'), 'a');
  const baseUrl = `http://localhost:${options.port}`;
  // Node flags (e.g. --cpu-prof) go before the script.
  const server = spawn(process.execPath, [...(options.nodeFlags ?? []), ...serverCommand()], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(options.port), APP_URL: baseUrl, DATABASE_URL: '', S3_BUCKET: '', RESEND_API_KEY: '', ...options.env },
    stdio: ['ignore', log, log],
  });
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${baseUrl}/sign-in`)).ok) break;
    } catch {
      /* starting */
    }
    if (server.exitCode !== null) throw new Error(`server exited; see ${dataDir}/server.log`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    dataDir,
    stop: async () => {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    },
  };
}
