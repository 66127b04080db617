import { join } from 'node:path';
import { startServiceProcess } from '@hub/process-lifecycle';

export interface DemoPaymentsProcess {
  url: string;
  apiKey: string;
  adminKey: string;
  webhookSecret: string;
  /** Points the provider's webhooks at the hub (the finance subgraph's /webhooks/payments), once the hub listens. */
  setWebhookUrl(url: string): Promise<void>;
  stop(): Promise<void>;
}

const CLI = join(require.resolve('@hub/demo-payments'), '..', 'main.js');

/** Starts the demo payment provider as its own process (like the demo carrier and SMS gateway) and resolves once it listens. */
export async function startDemoPaymentsProcess(options: { port: number; adminKey?: string; webhookSecret?: string }): Promise<DemoPaymentsProcess> {
  const apiKey = 'demo-payments-key';
  const adminKey = options.adminKey ?? 'demo-payments-admin-key';
  const webhookSecret = options.webhookSecret ?? 'whsec_demo-payments-webhook-secret';
  const simulator = await startServiceProcess({
    name: 'demo payment provider', cli: CLI, args: ['--port', String(options.port), '--api-key', apiKey, '--admin-key', adminKey, '--webhook-secret', webhookSecret],
    ready: /DEMO PAYMENTS READY (\S+)/, port: options.port, portSetting: 'HUB_DEMO_PAYMENTS_PORT',
  });
  return {
    url: simulator.url,
    apiKey,
    adminKey,
    webhookSecret,
    setWebhookUrl: async (url) => {
      const response = await fetch(`${simulator.url}/admin/webhook-endpoint`, { method: 'POST', headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ url }) });
      if (!response.ok) throw new Error(`the demo payment provider refused the webhook endpoint: ${response.status} ${await response.text()}`);
    },
    stop: () => simulator.stop(),
  };
}
