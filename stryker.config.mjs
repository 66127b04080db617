// Mutation testing of the rules (`npm run test:mutation`; not part of `npm test`): Stryker mutates
// exactly the rule files of scripts/mutation-targets.js (and every *.state-machine.ts) and runs their
// specs (jest.mutation.config.js, never tests/), for each mutant only the tests that cover it.
// One file while working: `npm run test:mutation -- --mutate integrator/src/sync/sync-interval.ts`.
import targets from './scripts/mutation-targets.js';

const { RULE_FILES, STATE_MACHINES } = targets;

export default {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: { configFile: 'jest.mutation.config.js', enableFindRelatedTests: true },
  coverageAnalysis: 'perTest',
  mutate: [...RULE_FILES, STATE_MACHINES],
  ignorePatterns: ['.hub-data', 'reports', 'coverage'],
  // The machine has two cores, shared.
  concurrency: 2,
  timeoutMS: 10_000,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
