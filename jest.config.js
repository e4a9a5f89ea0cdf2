// @ts-check
/**
 * Two projects: `unit` (pure, in-process, fast) and `integration` (real local components:
 * DynamoDB Local started once by the global setup, the local Lex runtime over HTTP, Bolt over
 * signed HTTP). ts-jest transpiles only (tsconfig `isolatedModules`); `tsc --noEmit` type-checks as its own step.
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
  ],
};
