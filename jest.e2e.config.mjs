import nextJest from 'next/jest.js';

const createJestConfig = nextJest({ dir: './' });

// Browser tests: run by scripts/test-e2e.ts, which starts the built app and sets E2E_BASE_URL.
export default createJestConfig({
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.ts'],
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/$1' },
  testTimeout: 120_000,
  maxWorkers: 1,
});
