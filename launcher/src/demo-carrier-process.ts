import { join } from 'node:path';
import { startServiceProcess } from '@hub/process-lifecycle';

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
  const simulator = await startServiceProcess({ name: 'demo carrier', cli: CLI, args: ['--port', String(options.port), '--api-key', apiKey, '--admin-key', adminKey, '--step-seconds', String(options.stepSeconds ?? 0), '--lose-every', String(options.loseEvery ?? 7)], ready: /DEMO CARRIER READY (\S+)/, port: options.port, portSetting: 'HUB_DEMO_CARRIER_PORT' });
  return { url: simulator.url, apiKey, adminKey, stop: () => simulator.stop() };
}
