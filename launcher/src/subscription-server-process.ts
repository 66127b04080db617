import { join } from 'node:path';
import { ServiceProcess, startServiceProcess } from '@hub/process-lifecycle';

const CLI = join(__dirname, 'subscription-server-main.js');

/** Starts the hub's subscription server as its own process (subscription-server-main.ts); resolves with its URL once it listens. */
export function startSubscriptionServerProcess(options: { databaseUrl: string; subgraphUrls: Readonly<Record<string, string>>; port?: number; env?: NodeJS.ProcessEnv }): Promise<ServiceProcess> {
  const port = options.port ?? 0;
  return startServiceProcess({
    name: 'subscription server',
    cli: CLI,
    args: ['--port', String(port), '--subgraph-urls', JSON.stringify(options.subgraphUrls)],
    ready: /SUBSCRIPTION SERVER READY (\S+)/,
    port,
    portSetting: '--port',
    env: { ...process.env, ...options.env, DATABASE_URL: options.databaseUrl },
  });
}
