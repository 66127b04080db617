export * from './federated-schema';
export * from './subgraph-context';
export * from './subgraph-server';
export * from './error-formatting';
export * from './subgraph-module';
export * from './by-id-loader';
