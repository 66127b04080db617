import { GraphQLError } from 'graphql';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { TrustedDocuments } from '@hub/gateway';

/**
 * Only registered operations on Hive Gateway, with the hub gateway's own manifest and answers
 * (`@hub/gateway`'s trusted-documents.ts): a registered `documentId` or Apollo `persistedQuery` hash
 * runs its text, a registered text runs as it is, anything else is refused with
 * PERSISTED_QUERY_NOT_IN_LIST and HTTP 400 before it is parsed.
 */
export function hubTrustedDocumentsPlugin(documents: TrustedDocuments): GatewayPlugin {
  return {
    onParams({ params, setParams }) {
      const resolved = documents.resolve(params as { query?: unknown; documentId?: unknown; extensions?: unknown });
      if (resolved instanceof GraphQLError) {
        resolved.extensions.http = { status: 400 };
        throw resolved;
      }
      const extensions = { ...(params.extensions ?? {}) } as Record<string, unknown>;
      // The text is here now: nothing else should look the hash up.
      delete extensions.persistedQuery;
      const { documentId: _id, ...rest } = params as typeof params & { documentId?: unknown };
      setParams({ ...rest, query: resolved.query, extensions });
    },
  };
}
