import { buildTrustedDocumentManifest, sha256Hex, TrustedDocuments, UNTRUSTED_DOCUMENT } from './trusted-documents';

const manifest = buildTrustedDocumentManifest([
  { file: 'catalogue.graphql', text: 'query Page($n: Int!) { products(first: $n) { edges { node { ...Card } } } }\nquery Me { me { id } }' },
  { file: 'fragments.graphql', text: 'fragment Card on Product { id name ...Price }\nfragment Price on Product { price { amount } }\nfragment Unused on Product { sku }' },
]);

describe('buildTrustedDocumentManifest', () => {
  it('lists every operation with the fragments it spreads, transitively, and its SHA-256 as id', () => {
    expect(manifest.format).toBe('apollo-persisted-query-manifest');
    expect(manifest.operations.map((o) => [o.name, o.type])).toEqual([['Page', 'query'], ['Me', 'query']]);
    const page = manifest.operations[0];
    expect(page.body).toContain('fragment Card on Product');
    expect(page.body).toContain('fragment Price on Product');
    expect(page.body).not.toContain('Unused');
    expect(page.id).toBe(sha256Hex(page.body));
    expect(manifest.operations[1].body).toBe('query Me {\n  me {\n    id\n  }\n}');
  });

  it('names the file of a document that does not parse', () => {
    expect(() => buildTrustedDocumentManifest([{ file: 'broken.graphql', text: 'query {' }])).toThrow(/^broken.graphql: Syntax Error/);
  });
});

describe('TrustedDocuments.resolve', () => {
  const documents = new TrustedDocuments(manifest);
  const me = manifest.operations[1];
  const code = (result: unknown) => (result as { extensions?: { code?: string } }).extensions?.code;

  it('gives the registered text for its id (documentId, with or without sha256:, or Apollo\'s persistedQuery) and for its own text', () => {
    expect(documents.resolve({ documentId: me.id })).toEqual({ query: me.body });
    expect(documents.resolve({ documentId: `sha256:${me.id}` })).toEqual({ query: me.body });
    expect(documents.resolve({ extensions: { persistedQuery: { version: 1, sha256Hash: me.id } } })).toEqual({ query: me.body });
    expect(documents.resolve({ query: me.body })).toEqual({ query: me.body });
  });

  it('refuses everything else with PERSISTED_QUERY_NOT_IN_LIST', () => {
    expect(code(documents.resolve({ query: '{ me { id } }' }))).toBe(UNTRUSTED_DOCUMENT); // same operation, other text
    expect(code(documents.resolve({ documentId: sha256Hex('{ me { id email } }') }))).toBe(UNTRUSTED_DOCUMENT);
    expect(code(documents.resolve({ documentId: me.id, query: '{ me { id email } }' }))).toBe(UNTRUSTED_DOCUMENT);
    expect(code(documents.resolve({}))).toBe(UNTRUSTED_DOCUMENT);
  });

  it('refuses a manifest that is not one, or whose ids do not match their bodies', () => {
    expect(() => new TrustedDocuments({ operations: [] } as never)).toThrow(/apollo-persisted-query-manifest/);
    expect(() => new TrustedDocuments({ ...manifest, operations: [{ ...me, body: `${me.body} ` }] })).toThrow('Trusted document Me: its id is not the SHA-256 of its body.');
  });
});
