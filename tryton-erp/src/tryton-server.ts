import { ChildProcess, execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The Tryton modules the hub's adapter reads and writes (Debian packages tryton-modules-*). */
export const TRYTON_MODULES = ['sale', 'stock', 'account_invoice', 'product_price_list', 'sale_price_list'];
export const TRYTON_ADMIN_USER = 'admin';
export const TRYTON_ADMIN_PASSWORD = 'tryton-admin';
export const TRYTON_DATABASE = 'hub';

const SEED_SCRIPT = resolve(__dirname, '..', 'seed', 'seed_company.py');
/** Debian's python3, where trytond lives (a python3 on PATH may be another one). */
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

export interface TrytonDatabaseOptions {
  /** Where the SQLite files and the server's configuration live (default: <repo>/.tryton-data). */
  dataDir?: string;
  database?: string;
  log?: (line: string) => void;
}

export interface TrytonDatabase {
  dataDir: string;
  database: string;
  configFile: string;
  /** True when it was created (and seeded) by this call, false when an up-to-date one was reused. */
  created: boolean;
}

export function defaultTrytonDataDir(): string {
  return resolve(__dirname, '..', '..', '.tryton-data');
}

function configText(dataDir: string, port: number): string {
  return ['[database]', 'uri = sqlite://', `path = ${dataDir}`, '', '[web]', `listen = 127.0.0.1:${port}`, '', '[session]', 'timeout = 86400', ''].join('\n');
}

/** What the seeded database depends on: a changed seed or module list makes a new one. */
function seedVersion(): string {
  return createHash('sha256').update(readFileSync(SEED_SCRIPT)).update(TRYTON_MODULES.join(',')).digest('hex').slice(0, 16);
}

export function trytonInstalled(): boolean {
  return existsSync('/usr/bin/trytond') && existsSync('/usr/bin/trytond-admin');
}

/**
 * Makes sure a seeded Tryton database exists in `dataDir`: created with the modules on SQLite and
 * seeded once (about a minute), then reused while the seed script is unchanged. The pristine
 * seeded file is kept beside it, so `reset` gives a fresh copy in a second.
 */
export async function ensureTrytonDatabase(options: TrytonDatabaseOptions & { reset?: boolean } = {}): Promise<TrytonDatabase> {
  if (!trytonInstalled()) {
    throw new Error('trytond is not installed: apt-get install --no-install-recommends tryton-server tryton-modules-sale tryton-modules-stock tryton-modules-account-invoice tryton-modules-product-price-list tryton-modules-sale-price-list');
  }
  const dataDir = resolve(options.dataDir ?? defaultTrytonDataDir());
  const database = options.database ?? TRYTON_DATABASE;
  const log = options.log ?? (() => undefined);
  mkdirSync(dataDir, { recursive: true });
  const configFile = join(dataDir, 'trytond.conf');
  writeFileSync(configFile, configText(dataDir, 8000));
  // One seeded file per data directory; each database name is a copy of it (tests run on copies of their own).
  const file = join(dataDir, `${database}.sqlite`);
  const pristine = join(dataDir, `${TRYTON_DATABASE}.seeded`);
  const versionFile = join(dataDir, `${TRYTON_DATABASE}.version`);
  const version = seedVersion();
  let created = false;
  if (!existsSync(pristine) || !existsSync(versionFile) || readFileSync(versionFile, 'utf8') !== version) {
    log(`creating the Tryton database ${database} in ${dataDir} (modules ${TRYTON_MODULES.join(', ')}; takes about a minute)`);
    const buildName = `${TRYTON_DATABASE}-building-${process.pid}`;
    const building = join(dataDir, `${buildName}.sqlite`);
    rmSync(building, { force: true });
    writeFileSync(building, '');
    const passFile = join(dataDir, 'admin-password');
    writeFileSync(passFile, TRYTON_ADMIN_PASSWORD, { mode: 0o600 });
    const env = { ...process.env, TRYTONPASSFILE: passFile };
    await run('/usr/bin/trytond-admin', ['-c', configFile, '-d', buildName, '--all', '--email', 'admin@tryton.example'], { env, maxBuffer: 64 << 20 });
    await run('/usr/bin/trytond-admin', ['-c', configFile, '-d', buildName, '-u', ...TRYTON_MODULES, '--activate-dependencies'], { env, maxBuffer: 64 << 20 });
    log('seeding the company');
    await run(PYTHON, [SEED_SCRIPT, configFile, buildName], { env, maxBuffer: 64 << 20 });
    renameSync(building, pristine);
    writeFileSync(versionFile, version);
    options.reset = true;
    created = true;
  }
  if (options.reset || !existsSync(file)) copyFileSync(pristine, file);
  return { dataDir, database, configFile, created };
}

export interface TrytonServerHandle {
  url: string;
  port: number;
  database: string;
  user: string;
  password: string;
  /** Stops the server (the database stays). */
  stop(): Promise<void>;
  /** Starts it again on the same port (after stop). */
  start(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as { port: number }).port;
  await new Promise((done) => server.close(done));
  return port;
}

async function answersLogin(url: string, database: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/${database}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 1, method: 'common.db.login', params: [TRYTON_ADMIN_USER, { password: TRYTON_ADMIN_PASSWORD }] }),
    });
    return res.ok;
  } catch {
    return false;
  }
}

/** Runs `trytond` on the database, on a free port (or `port`), until stopped. */
export async function startTrytonServer(db: TrytonDatabase, options: { port?: number; log?: (line: string) => void } = {}): Promise<TrytonServerHandle> {
  const port = options.port ?? (await freePort());
  const configFile = join(db.dataDir, `trytond-${port}.conf`);
  writeFileSync(configFile, configText(db.dataDir, port));
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let output = '';
  const start = async () => {
    output = '';
    const proc = spawn('/usr/bin/trytond', ['-c', configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
    proc.stdout?.on('data', keep);
    proc.stderr?.on('data', keep);
    const deadline = Date.now() + 60_000;
    while (!(await answersLogin(url, db.database))) {
      if (proc.exitCode !== null) throw new Error(`trytond exited (${proc.exitCode}):\n${output}`);
      if (Date.now() > deadline) throw new Error(`trytond did not answer at ${url} within 60 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    options.log?.(`Tryton ${db.database} listening at ${url}`);
  };
  const stop = async () => {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null) return;
    await new Promise<void>((done) => {
      proc.once('exit', () => done());
      proc.kill('SIGTERM');
      setTimeout(() => proc.exitCode === null && proc.kill('SIGKILL'), 5_000).unref();
    });
  };
  await start();
  return { url, port, database: db.database, user: TRYTON_ADMIN_USER, password: TRYTON_ADMIN_PASSWORD, stop, start };
}
