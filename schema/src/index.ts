export * from './subgraph-modules';
export * from './supergraph';
