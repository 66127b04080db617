import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export interface DemoErpProcess {
  url: string;
  apiKey: string;
  adminKey: string;
  stop(): Promise<void>;
}

const CLI = join(require.resolve('@hub/demo-erp'), '..', 'main.js');

export interface DemoErpProcessOptions {
  scale: 'small' | 'large';
  port: number;
  apiKey?: string;
  adminKey?: string;
  /** Seconds between the ERP's own steps (orders move, invoices are paid, prices change); 0: only on request. */
  stepSeconds?: number;
}

/**
 * Starts the built-in demo ERP as its own process (HTTP+JSON on loopback), as a real ERP would be
 * one, and resolves once it listens. Its memory and CPU stay out of the hub's process.
 */
export async function startDemoErpProcess(options: DemoErpProcessOptions): Promise<DemoErpProcess> {
  const apiKey = options.apiKey ?? 'demo-erp-key';
  const adminKey = options.adminKey ?? 'demo-erp-admin-key';
  const args = [CLI, '--scale', options.scale, '--port', String(options.port), '--api-key', apiKey, '--admin-key', adminKey, '--step-seconds', String(options.stepSeconds ?? 0)];
  // The IPC channel is how it notices this process gone (exitWithParent), even after a SIGKILL.
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /DEMO ERP READY (\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    void exited.then(() => {
      const hint = child.exitCode === 1 && options.port !== 0 ? ` (is port ${options.port} taken by another process? HUB_DEMO_ERP_PORT sets another)` : '';
      reject(new Error(`the demo ERP exited before it was ready (exit ${child.exitCode ?? child.signalCode})${hint}:\n${out}`));
    });
  });
  return {
    url,
    apiKey,
    adminKey,
    stop: async () => {
      // Ctrl-C in a terminal reaches the whole process group, so it may have stopped already.
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
