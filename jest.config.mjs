import nextJest from 'next/jest.js';

const createJestConfig = nextJest({ dir: './' });

// Unit and integration tests. Each integration TEST gets its own database, a copy of a template made
// once per run (tests/helpers/global-setup.ts, test-context.ts); see tests/README.md.
export default createJestConfig({
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['<rootDir>/tests/{unit,integration}/**/*.test.{ts,tsx}'],
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/$1' },
  globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
  globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
  setupFiles: ['<rootDir>/tests/helpers/setup-env.ts'],
  testTimeout: 30_000,
  // Two test files at a time: a test's own database costs ~0.3-0.6 s of CPU on PGlite, and jest's
  // default on a 2-core machine (cores - 1) leaves one core idle. ~180 s instead of ~265 s for npm test.
  maxWorkers: 2,
});
