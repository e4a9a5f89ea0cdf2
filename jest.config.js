// @ts-check
/**
 * Three projects: `unit` (pure, in-process, fast), `integration` (real local components:
 * DynamoDB Local started once by the global setup, the local Lex runtime over HTTP, Bolt over
 * signed HTTP) and `e2e` (Chromium on the approval pages). ts-jest transpiles only (tsconfig `isolatedModules`); `tsc --noEmit` type-checks as its own step.
 * Plain JS so jest needs no ts-node to read it.
 */
const transform = { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] };

/** @type {import('jest').Config} */
module.exports = {
  // Global (jest ignores it inside a project): generous for integration tests on a loaded 2-core machine.
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      setupFiles: ['<rootDir>/test/support/setup-env.ts'],
      testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform,
      setupFiles: ['<rootDir>/test/support/setup-env.ts'],
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/test/integration/global-setup.ts',
      globalTeardown: '<rootDir>/test/integration/global-teardown.ts',
    },
    {
      // Browser tests: Debian's Chromium through playwright-core (TOOLCHAIN.md), on the local stack.
      displayName: 'e2e',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/test/integration/global-setup.ts',
      globalTeardown: '<rootDir>/test/integration/global-teardown.ts',
    },
  ],
};
