#!/usr/bin/env node
// `npm run test:mutation [-- stryker options]`: one test PostgreSQL server and run database for the
// whole Stryker run (Stryker calls Jest once per mutant; jest.mutation.config.js's global setup sees
// them and does nothing), Stryker itself, cleanup, then the scores (scripts/mutation-summary.js) as
// the last line. Needs `tsc -b` first (the npm script does it).
const { spawn } = require('node:child_process');
const { dirname, join } = require('node:path');
const { ensureDatabase, dropDatabase } = require('@hub/database');
const { dropSpecDatabases } = require('@hub/database-testing');
const { mkdtempSync, rmSync } = require('node:fs');
const { createServer } = require('node:net');
const { tmpdir } = require('node:os');

const root = join(__dirname, '..');

/** DATABASE_URL's server when set (as in CI), else an embedded PostgreSQL in a scratch directory. */
async function startTestPostgres() {
  if (process.env.DATABASE_URL) return { serverUrl: process.env.DATABASE_URL, stop: async () => undefined };
  const { startEmbeddedPostgres } = require('@hub/launcher/dist/embedded-postgres');
  const dir = mkdtempSync(join(tmpdir(), 'hub-mutation-pg-'));
  const port = await new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address();
      probe.close(() => resolve(free));
    });
    probe.on('error', reject);
  });
  const db = await startEmbeddedPostgres({ dataDir: join(dir, 'data'), port });
  return {
    serverUrl: db.serverUrl,
    stop: async () => {
      await db.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function main() {
  const server = await startTestPostgres();
  const database = `hub_mutation_${process.pid}_${Date.now()}`;
  let code;
  try {
    const env = { ...process.env, HUB_TEST_SERVER_URL: server.serverUrl, HUB_TEST_DATABASE_URL: await ensureDatabase(server.serverUrl, database) };
    const stryker = spawn(process.execPath, [join(dirname(require.resolve('@stryker-mutator/core/package.json')), 'bin', 'stryker.js'), 'run', ...process.argv.slice(2)], { cwd: root, env, stdio: 'inherit' });
    code = await new Promise((resolve) => stryker.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0))));
  } finally {
    await dropSpecDatabases(server.serverUrl, database);
    await dropDatabase(server.serverUrl, database);
    await server.stop();
  }
  if (code !== 0) {
    console.error(`stryker exited with ${code}`);
    return code;
  }
  const summary = spawn(process.execPath, [join(__dirname, 'mutation-summary.js'), join(root, 'reports/mutation/mutation.json')], { cwd: root, stdio: 'inherit' });
  return new Promise((resolve) => summary.on('exit', (exitCode) => resolve(exitCode ?? 1)));
}

main().then(
  (code) => (process.exitCode = code),
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
