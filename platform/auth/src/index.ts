export * from './viewer';
export * from './password';
export * from './secrets';
export * from './access-token';
export * from './gateway-assertion';
export * from './access';
export * from './permissions';
