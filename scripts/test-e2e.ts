// `npm run test:e2e`: serves the production build on embedded defaults in a fresh data folder and
// drives it with Debian's Chromium (playwright-core), with JavaScript on and off. Last, the server's
// log is checked: every line JSON, none holding a secret the run used or a personal field.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from './build';
import { FRONT_DOOR_BUNDLE, serverCommand } from './server-command';
import { checkServerLog, readUsedSecrets } from '../tests/helpers/server-log-check';
import { checkAccessibility } from '../tests/helpers/accessibility-check';
import { checkHtml } from '../tests/helpers/html-check';

const port = process.env.E2E_PORT ?? '3210';
const baseUrl = `http://localhost:${port}`;

if (!existsSync('.next/BUILD_ID') || !existsSync(FRONT_DOOR_BUNDLE)) {
  console.log('[e2e] no production build yet: building');
  await buildApp();
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'port-e2e-'));
const logFile = path.join(dataDir, 'server.log');
const log = openSync(logFile, 'a');
// Served as `npm start` serves it: through the app's own front door (scripts/server.ts).
const server = spawn(process.execPath, serverCommand(), {
  env: { ...process.env, DATA_DIR: dataDir, PORT: port, APP_URL: baseUrl, DATABASE_URL: '', S3_BUCKET: '', RESEND_API_KEY: '' },
  stdio: ['ignore', log, log],
});

async function waitForServer() {
  for (let i = 0; i < 120; i++) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}); see ${logFile}`);
    try {
      if ((await fetch(`${baseUrl}/sign-in`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server did not answer within 60 s; see ${logFile}`);
}

let status = 1;
try {
  await waitForServer();
  const jest = spawnSync(process.execPath, ['node_modules/jest/bin/jest.js', '-c', 'jest.e2e.config.mjs', ...process.argv.slice(2)], {
    stdio: 'inherit',
    // VM modules: unpdf (reading the signed LOA) loads PDF.js with a dynamic import.
    env: { ...process.env, NODE_OPTIONS: '--experimental-vm-modules', E2E_BASE_URL: baseUrl, E2E_SERVER_LOG: logFile, E2E_DATA_DIR: dataDir },
  });
  status = jest.status ?? 1;
  // Every page state the tests' browsers loaded, checked by axe-core while the app still serves its
  // stylesheets (tests/e2e/helpers/accessibility.ts, tests/helpers/accessibility-check.ts).
  const axe = await checkAccessibility(path.join(dataDir, 'page-snapshots.jsonl'), baseUrl);
  if (axe.failures.length) {
    console.error(`[e2e] accessibility: ${axe.failures.length} WCAG A/AA violation(s) over ${axe.states} page states:\n${axe.failures.slice(0, 60).map((f) => `  ${f}`).join('\n')}`);
    status = 1;
  } else if (axe.states > 0) {
    console.log(`[e2e] accessibility (axe-core, WCAG 2.0/2.1/2.2 A and AA): ${axe.states} page states checked (${axe.checks} pages), no violation`);
  }
} catch (error) {
  console.error(`[e2e] ${error instanceof Error ? error.message : error}`);
} finally {
  const exited = new Promise((resolve) => (server.exitCode !== null ? resolve(null) : server.once('exit', resolve)));
  server.kill('SIGTERM');
  await exited;
}
// Every line the server wrote, over the whole run: JSON, and nothing a log must never hold.
const problems = checkServerLog(readFileSync(logFile, 'utf8'), readUsedSecrets(path.join(dataDir, 'used-secrets.jsonl')));
if (problems.length) {
  console.error(`[e2e] the server log holds what it must not (${problems.length}):\n${problems.slice(0, 50).map((p) => `  ${p}`).join('\n')}`);
  status = 1;
} else {
  console.log(`[e2e] server log checked: every line JSON, no PIN, token, key, secret or personal field (${readUsedSecrets(path.join(dataDir, 'used-secrets.jsonl')).length} secrets of the run looked for)`);
}
// Every document the browsers loaded, as sent, through the Nu HTML Checker (tests/helpers/html-check.ts).
const html = await checkHtml(path.join(dataDir, 'page-snapshots.jsonl'));
if (html.skipped) {
  console.log(`[e2e] HTML check not run: ${html.skipped}`);
} else if (html.failures.length) {
  console.error(`[e2e] HTML (Nu HTML Checker): ${html.failures.length} error(s) over ${html.documents} documents:\n${html.failures.slice(0, 60).map((f) => `  ${f}`).join('\n')}`);
  status = 1;
} else if (html.documents > 0) {
  console.log(`[e2e] HTML (Nu HTML Checker): ${html.documents} documents checked, no error but React's empty action="" on server-action forms`);
}
if (status !== 0) console.error(`[e2e] server log: ${logFile}`);
process.exit(status);
