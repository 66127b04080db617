import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { RequestHandler } from 'express';
import { ASTNode, GraphQLError, Kind, parse, print, visit } from 'graphql';

/**
 * Trusted documents (a safelist): a deployment may let only registered operations run, as Apollo's
 * persisted query lists and Hive's app deployments do. The registered set is a manifest in Apollo's
 * format (`apollo-persisted-query-manifest`, version 1): each operation's id is the SHA-256 (hex)
 * of its body. Clients send `documentId` (GraphQL over HTTP), or
 * `extensions.persistedQuery.sha256Hash` (Apollo), or the full text of a registered operation.
 */
export interface TrustedDocumentManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: Array<{ id: string; name: string | null; type: 'query' | 'mutation' | 'subscription'; body: string }>;
}

export const UNTRUSTED_DOCUMENT = 'PERSISTED_QUERY_NOT_IN_LIST';

export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The manifest of a frontend's operations (each `.graphql` file's text, one or more operations each; fragments are inlined per operation). */
export function buildTrustedDocumentManifest(sources: Array<{ file: string; text: string }>): TrustedDocumentManifest {
  const operations: TrustedDocumentManifest['operations'] = [];
  const documents = sources.map(({ file, text }) => {
    try {
      return parse(text);
    } catch (error) {
      throw new Error(`${file}: ${(error as Error).message}`);
    }
  });
  const fragments = documents.flatMap((d) => d.definitions.filter((x) => x.kind === Kind.FRAGMENT_DEFINITION));
  for (const document of documents) {
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      // The operation with the fragments it spreads (transitively), as a client sends it.
      const used = new Set<string>();
      const collect = (node: ASTNode): void => {
        visit(node, {
          FragmentSpread(spread) {
            if (used.has(spread.name.value)) return;
            used.add(spread.name.value);
            const fragment = fragments.find((f) => f.kind === Kind.FRAGMENT_DEFINITION && f.name.value === spread.name.value);
            if (fragment) collect(fragment);
          },
        });
      };
      collect(definition);
      const body = [print(definition), ...fragments.filter((f) => f.kind === Kind.FRAGMENT_DEFINITION && used.has(f.name.value)).map((f) => print(f))].join('\n\n');
      operations.push({ id: sha256Hex(body), name: definition.name?.value ?? null, type: definition.operation, body });
    }
  }
  return { format: 'apollo-persisted-query-manifest', version: 1, operations };
}

/** The registered operations by id, and the ids of their texts (which are the same). */
export class TrustedDocuments {
  private readonly byId = new Map<string, string>();

  constructor(manifest: TrustedDocumentManifest) {
    if (manifest?.format !== 'apollo-persisted-query-manifest' || manifest.version !== 1 || !Array.isArray(manifest.operations)) {
      throw new Error('A trusted document manifest must be {"format": "apollo-persisted-query-manifest", "version": 1, "operations": [...]}.');
    }
    for (const operation of manifest.operations) {
      if (sha256Hex(operation.body) !== operation.id) throw new Error(`Trusted document ${operation.name ?? operation.id}: its id is not the SHA-256 of its body.`);
      this.byId.set(operation.id, operation.body);
    }
  }

  static fromFile(path: string): TrustedDocuments {
    return new TrustedDocuments(JSON.parse(readFileSync(path, 'utf8')));
  }

  get size(): number {
    return this.byId.size;
  }

  /**
   * The text to run for a request, or the refusal: a registered id gives its text (a text sent
   * alongside must be that text); a text alone must be registered.
   */
  resolve(request: { query?: unknown; documentId?: unknown; extensions?: unknown }): { query: string } | GraphQLError {
    const persisted = (request.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery?.sha256Hash;
    const id = typeof request.documentId === 'string' ? request.documentId.replace(/^sha256:/, '') : typeof persisted === 'string' ? persisted : null;
    const refuse = (message: string) => new GraphQLError(message, { extensions: { code: UNTRUSTED_DOCUMENT } });
    if (id !== null) {
      const text = this.byId.get(id);
      if (!text) return refuse('This deployment runs only registered operations, and this id is not one of them.');
      if (typeof request.query === 'string' && request.query !== text) return refuse('The text sent is not the registered operation of this id.');
      return { query: text };
    }
    if (typeof request.query === 'string' && this.byId.has(sha256Hex(request.query))) return { query: request.query };
    return refuse('This deployment runs only registered operations: send a registered documentId, or the text of a registered operation.');
  }
}

/** The HTTP side: replaces a registered id by its text before Apollo reads the body, refuses anything else with 400. */
export function trustedDocumentsOnly(documents: TrustedDocuments): RequestHandler {
  return (req, res, next) => {
    const source = req.method === 'GET' ? { query: req.query.query, documentId: req.query.documentId, extensions: parseJson(req.query.extensions) } : (req.body as Record<string, unknown> | undefined);
    if (!source || typeof source !== 'object' || Array.isArray(source)) return next();
    // A GET without an operation (GraphiQL's page, a health check) is not ours to judge.
    if (req.method === 'GET' && source.query === undefined && source.documentId === undefined) return next();
    const resolved = documents.resolve(source);
    if (resolved instanceof GraphQLError) return void res.status(400).json({ errors: [resolved.toJSON()] });
    if (req.method === 'GET') return void res.status(405).json({ errors: [{ message: 'Registered operations are run by POST.', extensions: { code: 'METHOD_NOT_ALLOWED' } }] });
    const body = req.body as Record<string, unknown>;
    body.query = resolved.query;
    delete body.documentId;
    // Apollo's own APQ would look the hash up in its cache: the text is already here.
    if (body.extensions && typeof body.extensions === 'object') delete (body.extensions as Record<string, unknown>).persistedQuery;
    next();
  };
}

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}
