import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';

export interface TestServer {
  serverUrl: string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * The PostgreSQL server tests run on: DATABASE_URL's when set (CI uses the machine's), otherwise an
 * embedded one started in a child process in a scratch directory.
 */
export async function startTestPostgres(): Promise<TestServer> {
  if (process.env.DATABASE_URL) return { serverUrl: process.env.DATABASE_URL, stop: async () => undefined };
  const dir = mkdtempSync(join(tmpdir(), 'hub-test-pg-'));
  const server = await startEmbeddedPostgresProcess(join(dir, 'data'), await freePort());
  return {
    serverUrl: server.serverUrl,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * An embedded PostgreSQL of a test's own, in a child process: stop() shuts it down and keeps its data,
 * so starting it again on the same directory and port brings the same server back (a database outage).
 */
export async function startEmbeddedPostgresProcess(dataDir: string, port: number): Promise<TestServer> {
  const child = spawn(process.execPath, [join(__dirname, '../../launcher/dist/embedded-postgres-cli.js'), dataDir, String(port)], {
    // With an IPC channel: it stops its server when this process is gone (exitWithParent).
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const serverUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /READY (\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    void exited.then(() => reject(new Error(`embedded PostgreSQL exited with ${child.exitCode}`)));
  });
  return {
    serverUrl,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
