export * from './request-context';
export * from './metrics';
export * from './logger';
export * from './tracing';
export * from './request-scope';
export * from './health';
export * from './health-routes';
export * from './graphql-plugin';
