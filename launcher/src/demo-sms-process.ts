import { join } from 'node:path';
import { startServiceProcess } from '@hub/process-lifecycle';

export interface DemoSmsProcess {
  url: string;
  apiKey: string;
  adminKey: string;
  stop(): Promise<void>;
}

const CLI = join(require.resolve('@hub/demo-sms'), '..', 'main.js');

/** Starts the demo SMS gateway as its own process (like the demo carrier) and resolves once it listens. */
export async function startDemoSmsProcess(options: { port: number; apiKey?: string; adminKey?: string }): Promise<DemoSmsProcess> {
  const apiKey = options.apiKey ?? 'demo-sms-key';
  const adminKey = options.adminKey ?? 'demo-sms-admin-key';
  const simulator = await startServiceProcess({ name: 'demo SMS gateway', cli: CLI, args: ['--port', String(options.port), '--api-key', apiKey, '--admin-key', adminKey], ready: /DEMO SMS READY (\S+)/, port: options.port, portSetting: 'HUB_DEMO_SMS_PORT' });
  return { url: simulator.url, apiKey, adminKey, stop: () => simulator.stop() };
}
