export * from './spec-database';
