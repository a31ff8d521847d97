// `npm run test:pg`: the integration tests again, on real PostgreSQL (DATABASE_URL). Each test gets
// a database of its own, a copy of a migrated template made once per run (tests/helpers/global-setup.ts),
// dropped after it. Paths given (`npm run test:pg -- tests/integration/faults.test.ts`) narrow the run.
import { spawnSync } from 'node:child_process';

if (!process.env.DATABASE_URL) {
  console.error('Set DATABASE_URL to a PostgreSQL server where this user may create databases, e.g.\n  DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run test:pg');
  process.exit(2);
}
const args = process.argv.slice(2);
const namesFiles = args.some((arg) => !arg.startsWith('-') && /(^|\/)tests\/|\.test\.tsx?$/.test(arg));
const result = spawnSync(process.execPath, ['node_modules/jest/bin/jest.js', ...(namesFiles ? [] : ['tests/integration']), ...args], {
  stdio: 'inherit',
  env: { ...process.env, NODE_OPTIONS: '--experimental-vm-modules' },
});
process.exit(result.status ?? 1);
