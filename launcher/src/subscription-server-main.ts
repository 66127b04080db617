import { loadAuthSecrets } from '@hub/auth';
import { userAccessStore } from '@hub/customers/access-store';
import { startGateway } from '@hub/gateway';
import { setLogService, startProcessMetrics } from '@hub/observability';
import { parseOptionArgs, serveUntilStopped, wholeNumberOption } from '@hub/process-lifecycle';
import { hubModules, readSupergraph } from '@hub/schema';
import { collectSubscriptionRoutes } from '@hub/subgraph-kit';

/**
 * The hub's subscription server as a process of its own, beside another gateway (Hive Gateway, Apollo Router)
 * that serves queries and mutations:
 *   DATABASE_URL=... node launcher/dist/subscription-server-main.js --subgraph-urls '{"customers":"http://...",...}' [--port N] [--host H]
 * graphql-ws on /graphql, `GET /health/ready` and `/metrics`. It listens for the subgraphs' events in
 * the database and resolves each event's selection through the checked-in supergraph as the subscriber,
 * so authorisation is checked per event exactly as on the hub's own gateway. The secrets come from the
 * environment (HUB_TOKEN_SECRET, HUB_GATEWAY_SECRET). Prints `SUBSCRIPTION SERVER READY <url>`.
 */
function parseArgs(argv: string[]) {
  const values = parseOptionArgs(argv, ['port', 'host', 'subgraph-urls']);
  const urls = values.get('subgraph-urls');
  if (!urls) throw new Error('--subgraph-urls is needed: a JSON object of subgraph name to GraphQL URL');
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is needed: the database the subgraphs publish their events in');
  return { subgraphUrls: JSON.parse(urls) as Record<string, string>, port: wholeNumberOption(values, 'port', 4200, 65535), host: values.get('host') ?? '127.0.0.1', databaseUrl };
}

setLogService('subscriptions');
startProcessMetrics('subscriptions');
serveUntilStopped('Subscription server', 'SUBSCRIPTION SERVER READY', async () => {
  const args = parseArgs(process.argv.slice(2));
  const modules = hubModules();
  return startGateway({
    ...args,
    supergraphSdl: readSupergraph(),
    secrets: loadAuthSecrets(),
    userAccess: userAccessStore,
    subscriptionRoutes: collectSubscriptionRoutes(modules),
    serves: 'subscriptions',
  });
});
