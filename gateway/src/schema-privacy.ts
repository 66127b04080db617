import type { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, GraphQLError, Kind, visit } from 'graphql';
import { GatewayContext } from './gateway-context';
import { booleanSetting } from '@hub/settings';

/**
 * Whether callers who are not signed in may introspect the schema and read field suggestions in
 * errors: HUB_ANONYMOUS_INTROSPECTION=true|false, by default on except under NODE_ENV=production.
 * The published contract is the SDL in schema/, so a production gateway need not map itself for strangers.
 */
export function anonymousIntrospectionAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  return booleanSetting(env, 'HUB_ANONYMOUS_INTROSPECTION', env.NODE_ENV !== 'production');
}

/** Whether the document asks for `__schema` or `__type` anywhere (fragments included; `__typename` is fine). */
export function asksForIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.FIELD](node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return false;
      }
      return undefined;
    },
  });
  return found;
}

/** graphql-js's "Did you mean …?" hints, which let a stranger map the schema field by field. */
export function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean [^?]*\?/g, '').trim();
}

export const INTROSPECTION_DISABLED = 'INTROSPECTION_DISABLED';

/** Refuses introspection and strips suggestions for anonymous callers where they are not allowed. */
export function schemaPrivacyPlugin(allowAnonymous: boolean): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      if (allowAnonymous || contextValue.viewer) return;
      return {
        async didResolveOperation({ document }) {
          if (asksForIntrospection(document)) {
            throw new GraphQLError('Introspection is off for callers who are not signed in; the schema is published with the hub (schema/supergraph.graphql).', {
              extensions: { code: INTROSPECTION_DISABLED, http: { status: 400 } },
            });
          }
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) => ({ ...error, message: withoutSuggestions(error.message) }));
        },
      };
    },
  };
}
