import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLFormattedError } from 'graphql';
import { logger } from '@hub/observability';

/**
 * Keeps our typed errors and GraphQL's own, turns type-graphql's validation failures into
 * BAD_USER_INPUT, and hides anything unexpected behind a generic message (logged in full).
 */
export function formatSubgraphError(name: string) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error) as any;
    const code = formatted.extensions?.code;
    if (original?.name === 'ArgumentValidationError' || original?.constructor?.name === 'ArgumentValidationError') {
      const details = (original.extensions?.validationErrorArguments ?? original.validationErrors ?? []).map((e: any) => ({
        field: e.property,
        problems: Object.values(e.constraints ?? {}),
      }));
      return { ...formatted, message: 'Invalid input.', extensions: { code: 'BAD_USER_INPUT', details } };
    }
    if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
      logger.error({ err: original ?? error, subgraph: name, path: formatted.path }, 'unexpected error');
      return { message: 'Internal server error.', path: formatted.path, locations: formatted.locations, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  };
}
