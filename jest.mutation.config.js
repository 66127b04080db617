// The specs of the mutation-tested rule files (scripts/mutation-targets.js), for `npm run test:mutation`:
// unit specs and, for merge-rows, a spec on a real PostgreSQL; never the end-to-end tests in tests/.
// Stryker runs Jest once per mutant, so the global setup only provides a test PostgreSQL server (no hub).
// Run by hand: `npx jest -c jest.mutation.config.js`.
const base = require('./jest.config.js');
const { RULE_FILES, STATE_MACHINES, EXTRA_SPECS, specOf } = require('./scripts/mutation-targets.js');

module.exports = {
  ...base,
  testMatch: [...RULE_FILES.map((file) => `<rootDir>/${specOf(file)}`), `<rootDir>/${specOf(STATE_MACHINES)}`, ...EXTRA_SPECS.map((file) => `<rootDir>/${file}`)],
  globalSetup: '<rootDir>/tests/support/spec-global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/spec-global-teardown.ts',
};
