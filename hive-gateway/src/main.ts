import { readFileSync } from 'node:fs';
import { loadAuthSecrets } from '@hub/auth';
import { parseOptionArgs, serveUntilStopped, wholeNumberOption } from '@hub/process-lifecycle';
import { startHiveGateway } from './hive-gateway-server';

/**
 * Hive Gateway in front of the hub's subgraphs, as its own process:
 *   node hive-gateway/dist/main.js --subgraph-urls '{"customers":"http://...",...}' [--port N] [--host H]
 *     [--planner js|rust] [--supergraph path/to/supergraph.graphql]
 * The secrets come from the environment as for the hub's own gateway (HUB_TOKEN_SECRET,
 * HUB_GATEWAY_SECRET). Prints `HIVE GATEWAY READY <url>` once it listens.
 */
function parseArgs(argv: string[]) {
  const values = parseOptionArgs(argv, ['port', 'host', 'planner', 'subgraph-urls', 'supergraph']);
  const planner = values.get('planner') ?? 'js';
  if (planner !== 'js' && planner !== 'rust') throw new Error('--planner must be js or rust');
  const urls = values.get('subgraph-urls');
  if (!urls) throw new Error('--subgraph-urls is needed: a JSON object of subgraph name to GraphQL URL');
  const subgraphUrls = JSON.parse(urls) as Record<string, string>;
  const supergraph = values.get('supergraph');
  return {
    planner: planner as 'js' | 'rust',
    subgraphUrls,
    port: wholeNumberOption(values, 'port', 4100, 65535),
    host: values.get('host') ?? '127.0.0.1',
    ...(supergraph ? { supergraphSdl: readFileSync(supergraph, 'utf8') } : {}),
  };
}

serveUntilStopped('Hive Gateway', 'HIVE GATEWAY READY', async () => startHiveGateway({ ...parseArgs(process.argv.slice(2)), secrets: loadAuthSecrets() }));
