export * from './gateway';
export * from './gateway-context';
export * from './operation-limits';
