import { MikroORM } from '@mikro-orm/postgresql';
import { initSubgraphOrm, migrateSubgraph } from '@hub/database';
import { SubgraphModule } from '@hub/subgraph-kit';
import { SUBGRAPH_MODULES } from './subgraph-modules';

/** Migrates every subgraph's schema; returns their ORMs. Safe to run from several processes at once. */
export async function migrateAll(databaseUrl: string, modules: readonly SubgraphModule<any>[] = SUBGRAPH_MODULES): Promise<Record<string, MikroORM>> {
  const orms: Record<string, MikroORM> = {};
  for (const module of modules) {
    const orm = await initSubgraphOrm({ schema: module.dbSchema, clientUrl: databaseUrl, entities: module.entities, migrationsPath: module.migrationsPath });
    await migrateSubgraph(orm, module.dbSchema);
    orms[module.name] = orm;
  }
  return orms;
}
