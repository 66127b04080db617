// Unit tests live beside the code (src/.../*.spec.ts); end-to-end tests in tests/ (*.test.ts).
// ts-jest only transpiles (type checking is `tsc -b`'s job), keeping decorator metadata for type-graphql.
const tsJest = ['ts-jest', { tsconfig: { isolatedModules: true, allowJs: true, esModuleInterop: true, experimentalDecorators: true, emitDecoratorMetadata: true, useDefineForClassFields: false } }];

module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/src/**/*.spec.ts', '<rootDir>/tests/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/.stryker-tmp/'],
  // Stryker's sandboxes (a copy of the repository, package.json files included) are not part of the project.
  modulePathIgnorePatterns: ['<rootDir>/.stryker-tmp/'],
  transform: {
    '^.+\\.ts$': tsJest,
    // jose ships only as an ES module; Node loads it with require(), Jest's loader needs it as CommonJS.
    '/node_modules/jose/.+\\.js$': '<rootDir>/tests/support/esm-to-commonjs-transform.js',
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  setupFiles: ['reflect-metadata'],
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  // Generous: under a full suite a manual sync or a fresh company's creation in the ERP can take tens of seconds.
  testTimeout: 120_000,
  // Workers share one hub started by the global setup; two workers match the two cores.
  maxWorkers: 2,
};
