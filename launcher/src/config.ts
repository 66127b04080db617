import { join } from 'node:path';

/** Everything `npm start` reads from the environment (documented in the README). */
export interface LauncherConfig {
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPort: number;
  host: string;
  gatewayPort: number;
  subgraphBasePort: number;
  seedDemoData: boolean;
}

function port(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${name} must be a port number, got "${value}".`);
  return n;
}

export function loadLauncherConfig(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): LauncherConfig {
  const gatewayPort = port('HUB_PORT', env.HUB_PORT, 4000);
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.HUB_DATA_DIR || join(root, '.hub-data', 'postgres'),
    embeddedPort: port('HUB_EMBEDDED_PG_PORT', env.HUB_EMBEDDED_PG_PORT, 54329),
    host: env.HUB_HOST || '127.0.0.1',
    gatewayPort,
    subgraphBasePort: port('HUB_SUBGRAPH_BASE_PORT', env.HUB_SUBGRAPH_BASE_PORT, gatewayPort === 0 ? 0 : gatewayPort + 1),
    seedDemoData: (env.HUB_DEMO_DATA ?? 'true') !== 'false',
  };
}
