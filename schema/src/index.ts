export * from './subgraph-modules';
export * from './supergraph';
export * from './migrate-all';
