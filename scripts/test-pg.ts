// `npm run test:pg`: the integration tests again, on real PostgreSQL (DATABASE_URL), each test file
// in a database of its own that is dropped afterwards.
import { spawnSync } from 'node:child_process';

if (!process.env.DATABASE_URL) {
  console.error('Set DATABASE_URL to a PostgreSQL server where this user may create databases, e.g.\n  DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run test:pg');
  process.exit(2);
}
const result = spawnSync(process.execPath, ['node_modules/jest/bin/jest.js', 'tests/integration', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, NODE_OPTIONS: '--experimental-vm-modules' },
});
process.exit(result.status ?? 1);
