export * from './subgraph-orm';
export * from './database-admin';
export type { MikroORM, EntityManager } from '@mikro-orm/postgresql';
export * from './prepared-statement';
export * from './pool-transaction';
export * from './sql-instrumentation';
