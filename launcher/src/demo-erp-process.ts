import { join } from 'node:path';
import { startServiceProcess } from '@hub/process-lifecycle';

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
  const simulator = await startServiceProcess({ name: 'demo ERP', cli: CLI, args: ['--scale', options.scale, '--port', String(options.port), '--api-key', apiKey, '--admin-key', adminKey, '--step-seconds', String(options.stepSeconds ?? 0)], ready: /DEMO ERP READY (\S+)/, port: options.port, portSetting: 'HUB_DEMO_ERP_PORT' });
  return { url: simulator.url, apiKey, adminKey, stop: () => simulator.stop() };
}
