import { initSubgraphOrm, migrateSubgraph, ensureDatabase, dropDatabase } from '@hub/database';
import { hubModules } from '@hub/schema';
import { startEmbeddedPostgres } from './embedded-postgres';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `npm run migration:create -- <subgraph>`: diffs the subgraph's entities against a scratch
 * database migrated to the latest checked-in migration and writes the new migration into
 * src/migrations. Uses DATABASE_URL's server when set, otherwise a throw-away embedded PostgreSQL.
 */
async function main(): Promise<void> {
  const name = process.argv[2];
  const modules = hubModules();
  const module = modules.find((m) => m.name === name);
  if (!module) throw new Error(`Usage: npm run migration:create -- <${modules.map((m) => m.name).join('|')}>`);
  const embedded = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir: join(tmpdir(), `hub-migrate-${process.pid}`, 'pg'), port: 54399 });
  const serverUrl = process.env.DATABASE_URL ?? embedded!.serverUrl;
  const scratch = `hub_migration_${process.pid}`;
  const url = await ensureDatabase(serverUrl, scratch);
  try {
    const orm = await initSubgraphOrm({ schema: module.dbSchema, clientUrl: url, entities: module.entities, migrationsPath: module.migrationsPath });
    await migrateSubgraph(orm, module.dbSchema);
    const sourcePath = module.migrationsPath.replace(/[/\\]dist[/\\]migrations$/, '/src/migrations');
    const result = await orm.getMigrator().createMigration(sourcePath, false, false);
    console.log(result.diff.up.length === 0 ? 'No changes: entities match the migrations.' : `Wrote ${sourcePath}/${result.fileName}`);
    await orm.close(true);
  } finally {
    await dropDatabase(serverUrl, scratch);
    await embedded?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
