import nextJest from 'next/jest.js';

const createJestConfig = nextJest({ dir: './' });

// Unit and integration tests. Each integration test file gets its own database (tests/helpers/database).
export default createJestConfig({
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['<rootDir>/tests/{unit,integration}/**/*.test.{ts,tsx}'],
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/$1' },
  globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
  globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
  setupFiles: ['<rootDir>/tests/helpers/setup-env.ts'],
  testTimeout: 30_000,
});
