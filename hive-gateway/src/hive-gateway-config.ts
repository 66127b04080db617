import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { GatewayConfigSupergraph } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler as rustPlannerHandler } from '@graphql-hive/router-runtime';
import { AuthSecrets, CLIENT_ADDRESS_HEADER } from '@hub/auth';
import { OperationLimits, operationLimitsFromEnv, TrustedDocuments } from '@hub/gateway';
import { hubAssertionPlugin } from './hub-assertion-plugin';
import { hubOperationLimitsPlugin } from './hub-operation-limits-plugin';
import { hubTrustedDocumentsPlugin } from './hub-trusted-documents-plugin';

/** The checked-in supergraph (schema/supergraph.graphql), read without loading any subgraph's code. */
export function checkedInSupergraph(): string {
  return readFileSync(join(dirname(require.resolve('@hub/schema/package.json')), 'supergraph.graphql'), 'utf8');
}

/** The supergraph with each subgraph's URL replaced by the configured one (a subgraph not named keeps its URL). */
export function supergraphAt(supergraphSdl: string, subgraphUrls: Readonly<Record<string, string>>): string {
  return supergraphSdl.replace(/@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g, (whole, name: string) =>
    subgraphUrls[name] ? `@join__graph(name: "${name}", url: "${subgraphUrls[name]}")` : whole,
  );
}

/** Hive's query planners: its JavaScript one (the default), or Hive Router's Rust planner through a native addon. */
export type HivePlanner = 'js' | 'rust';

export interface HubHiveGatewayOptions {
  subgraphUrls: Readonly<Record<string, string>>;
  secrets: AuthSecrets;
  supergraphSdl?: string;
  planner?: HivePlanner;
  /** The hub gateway's operation limits; default: operationLimitsFromEnv() (HUB_LIMIT_*), as the hub's gateway. */
  limits?: OperationLimits;
  /** Only these registered operations run; default: the manifest at HUB_TRUSTED_DOCUMENTS, as the hub's gateway, else every valid one. */
  trustedDocuments?: TrustedDocuments | null;
}

/** The client's address as the gateway saw it: the socket's peer (Hive serves through node:http here). */
function clientAddressOf(context: unknown): string | undefined {
  const req = (context as { req?: { socket?: { remoteAddress?: string } } }).req;
  return req?.socket?.remoteAddress;
}

/**
 * Hive Gateway's configuration for the hub: the supergraph at the configured URLs, the caller's
 * token, language and address propagated to every subgraph, the assertion plugin, the hub's operation limits, the planner asked
 * for, and the GraphQL IDE and landing page off (the hub publishes its schema with the code).
 */
export function hubHiveGatewayConfig(options: HubHiveGatewayOptions): GatewayConfigSupergraph {
  return {
    supergraph: supergraphAt(options.supergraphSdl ?? checkedInSupergraph(), options.subgraphUrls),
    graphiql: false,
    landingPage: false,
    propagateHeaders: {
      fromClientToSubgraphs: ({ request, context }) => {
        const headers: Record<string, string> = {};
        const authorization = request.headers.get('authorization');
        if (authorization) headers.authorization = authorization;
        const language = request.headers.get('accept-language');
        if (language) headers['accept-language'] = language.slice(0, 200);
        const address = clientAddressOf(context);
        if (address) headers[CLIENT_ADDRESS_HEADER] = address;
        return headers;
      },
    },
    plugins: () => {
      const trusted = options.trustedDocuments !== undefined ? options.trustedDocuments : process.env.HUB_TRUSTED_DOCUMENTS ? TrustedDocuments.fromFile(process.env.HUB_TRUSTED_DOCUMENTS) : null;
      return [...(trusted ? [hubTrustedDocumentsPlugin(trusted)] : []), hubAssertionPlugin(options.secrets), hubOperationLimitsPlugin(options.limits ?? operationLimitsFromEnv())];
    },
    ...(options.planner === 'rust' ? { unifiedGraphHandler: rustPlannerHandler } : {}),
  };
}
