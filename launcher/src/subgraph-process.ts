import { ErpAdapterSettings } from '@hub/integrator';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { RunningSubgraph } from '@hub/subgraph-kit';
import { withHubNodeFlags } from './node-flags';

export interface SubgraphProcess extends RunningSubgraph {
  tellGatewayUrl(url: string): void;
  /** Where the ERP's adapter endpoint is: the subgraph opens an adapter of its own on it. */
  tellErp(settings: ErpAdapterSettings): void;
}

/** Starts `subgraph-main.js` for one subgraph and resolves once it listens. */
export async function spawnSubgraph(name: string, options: { databaseUrl: string; port: number; workers?: number }): Promise<SubgraphProcess> {
  // With the launcher's own Node flags (heap size, --cpu-prof for profiling, ...) and the hub's.
  const child: ChildProcess = spawn(process.execPath, [...withHubNodeFlags(process.execArgv, name), join(__dirname, 'subgraph-main.js'), name, String(options.port), String(options.workers ?? 1)], {
    env: { ...process.env, DATABASE_URL: options.databaseUrl },
    // Its log lines go straight to our stdout: one write per line, so processes never interleave within a line.
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    child.on('message', (message: { ready?: string }) => message?.ready && resolve(message.ready));
    void exited.then(() => reject(new Error(`subgraph ${name} exited before it was ready`)));
  });
  return {
    name,
    url,
    tellGatewayUrl: (gatewayUrl) => child.connected && child.send({ gatewayUrl }),
    tellErp: (erp) => child.connected && child.send({ erp }),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
