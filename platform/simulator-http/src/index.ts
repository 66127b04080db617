export * from './simulator-http';
