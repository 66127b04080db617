import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export interface DemoCarrierProcess {
  url: string;
  apiKey: string;
  adminKey: string;
  stop(): Promise<void>;
}

const CLI = join(require.resolve('@hub/demo-carrier'), '..', 'main.js');

export interface DemoCarrierProcessOptions {
  port: number;
  apiKey?: string;
  adminKey?: string;
  /** Seconds between the carrier's steps; 0: only on request. */
  stepSeconds?: number;
  /** Every n-th parcel is lost in transit; 0: none. */
  loseEvery?: number;
}

/** Starts the demo carrier as its own process (like the demo ERP) and resolves once it listens. */
export async function startDemoCarrierProcess(options: DemoCarrierProcessOptions): Promise<DemoCarrierProcess> {
  const apiKey = options.apiKey ?? 'demo-carrier-key';
  const adminKey = options.adminKey ?? 'demo-carrier-admin-key';
  const args = [CLI, '--port', String(options.port), '--api-key', apiKey, '--admin-key', adminKey, '--step-seconds', String(options.stepSeconds ?? 0), '--lose-every', String(options.loseEvery ?? 7)];
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /DEMO CARRIER READY (\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    void exited.then(() => {
      const hint = child.exitCode === 1 && options.port !== 0 ? ` (is port ${options.port} taken? HUB_DEMO_CARRIER_PORT sets another)` : '';
      reject(new Error(`the demo carrier exited before it was ready (exit ${child.exitCode ?? child.signalCode})${hint}:\n${out}`));
    });
  });
  return {
    url,
    apiKey,
    adminKey,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
