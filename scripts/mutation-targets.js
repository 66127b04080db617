// What `npm run test:mutation` mutates, and the specs that have to kill the mutants: each rule file's
// own spec beside it (x.ts → x.spec.ts). Read by stryker.config.mjs and jest.mutation.config.js.
const RULE_FILES = [
  // tenant and token rules
  'platform/auth/src/access.ts',
  'platform/auth/src/access-token.ts',
  'platform/auth/src/password-policy.ts',
  'platform/auth/src/verification-cache.ts',
  'subgraphs/products/src/price/price-rules.ts',
  'integrator/src/sync/sync-interval.ts',
  'integrator/src/outbox/retry-backoff.ts',
  // the outbox dispatcher's classification and retry
  'integrator/src/outbox/outbox-dispatcher.ts',
  // the path every synced row takes, through its spec on a real PostgreSQL
  'platform/ingest/src/merge-rows.ts',
];

// Every state machine, wherever a feature adds one (orders, approvals, ...): x.state-machine.ts, its spec x.state-machine.spec.ts.
const STATE_MACHINES = '**/src/**/*.state-machine.ts';

const specOf = (file) => file.replace(/\.ts$/, '.spec.ts');

// Further specs that exercise a rule file on a real PostgreSQL (the dispatcher's dead-letter hooks).
const EXTRA_SPECS = ['integrator/src/outbox/outbox-dead-letter.spec.ts'];

module.exports = { RULE_FILES, STATE_MACHINES, EXTRA_SPECS, specOf };
