import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { GraphQLSchema, parse } from 'graphql';
import { buildSchema, BuildSchemaOptions, createResolversMap, PubSub } from 'type-graphql';

/** The Federation 2 directives our subgraphs may use. */
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", ' +
  'import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"])';

/**
 * Subgraphs declare subscriptions for the supergraph but never run them: the gateway serves them
 * from the events subgraphs publish (@hub/events). type-graphql wants a PubSub for any
 * `@Subscription`; this one refuses to be used.
 */
const GATEWAY_SERVED_PUBSUB: PubSub = {
  publish: () => {
    throw new Error('Subgraphs publish events with @hub/events; subscriptions are served by the gateway.');
  },
  subscribe: () => {
    throw new Error('Subscriptions are served by the gateway.');
  },
};

export type ReferenceResolvers<TContext> = Record<
  string,
  { __resolveReference: (reference: any, context: TContext, info: any) => unknown }
>;

export interface FederatedSchemaOptions<TContext> {
  resolvers: BuildSchemaOptions['resolvers'];
  orphanedTypes?: BuildSchemaOptions['orphanedTypes'];
  /** `__resolveReference` per entity; they bypass type-graphql, so each must check access itself. */
  referenceResolvers?: ReferenceResolvers<TContext>;
}

/**
 * Builds a Federation 2 subgraph schema from type-graphql resolvers: type-graphql builds the
 * schema, we print it with its directives, and @apollo/subgraph adds `_entities` and `_service`.
 * Pure: touches no database, so the compose script can call it.
 */
export async function buildFederatedSchema<TContext>(options: FederatedSchemaOptions<TContext>): Promise<GraphQLSchema> {
  const typeGraphqlSchema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    validate: { forbidUnknownValues: false },
    pubSub: GATEWAY_SERVED_PUBSUB,
    // Federation directives are only known once @apollo/subgraph reads the printed SDL.
    skipCheck: true,
  });
  const typeDefs = parse(`${FEDERATION_LINK}\n\n${printSchemaWithDirectives(typeGraphqlSchema)}`);
  const resolvers: Record<string, any> = createResolversMap(typeGraphqlSchema);
  for (const [typeName, reference] of Object.entries(options.referenceResolvers ?? {})) {
    resolvers[typeName] = { ...resolvers[typeName], ...reference };
  }
  return buildSubgraphSchema({ typeDefs, resolvers });
}
