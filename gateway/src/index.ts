export * from './gateway';
export * from './gateway-context';
export * from './graphql-ide';
export * from './operation-limits';
export * from './subscription-router';
export * from './subscription-fanout';
export * from './subscription-server';
export * from './viewer-group';
