import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAuthSecrets } from '@hub/auth';
import { userAccessStore } from '@hub/customers/access-store';
import { GatewayOptions, RunningGateway, startGateway } from '@hub/gateway';
import { EventListener } from '@hub/events';
import { SUBGRAPH_MODULES } from '@hub/schema';
import { collectSubscriptionRoutes } from '@hub/subgraph-kit';
import { subgraphUrls } from './hub-client';

/** The test extension module, compiled (the test hub loads the same file). */
const MEMO_MODULE = join(__dirname, '..', 'dist', 'support', 'memo-module', 'index.js');

/**
 * A gateway of this test file's own, in its process, in front of the test hub's subgraphs and
 * database: for a deployment setting the shared hub does not have (trusted documents), or for
 * counting subscriptions that no other test file shares.
 */
export const PRIVATE_GATEWAY_LISTENER = 'hub-test-private-gateway-events';

export async function startPrivateGateway(options: Partial<GatewayOptions> = {}): Promise<RunningGateway> {
  // Its LISTEN connection has a name of its own, so a test can cut this one and not the shared gateway's.
  const events = new EventListener({ connectionString: process.env.HUB_TEST_DATABASE_URL!, applicationName: PRIVATE_GATEWAY_LISTENER, log: () => undefined });
  await events.start();
  const gateway = await startGateway({
    supergraphSdl: readFileSync(process.env.HUB_TEST_SUPERGRAPH!, 'utf8'),
    subgraphUrls: subgraphUrls(),
    secrets: loadAuthSecrets(),
    port: 0,
    databaseUrl: process.env.HUB_TEST_DATABASE_URL!,
    userAccess: userAccessStore,
    subscriptionRoutes: collectSubscriptionRoutes([...SUBGRAPH_MODULES, require(MEMO_MODULE).subgraphModule]),
    graphqlIde: false,
    eventListener: events,
    ...options,
  });
  return {
    ...gateway,
    stop: async () => {
      await gateway.stop();
      await events.stop();
    },
  };
}
