export * from './carrier-network';
export * from './server';
