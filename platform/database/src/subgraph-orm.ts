import { MikroORM, Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { Client } from 'pg';
import { HubOrmLogger } from './sql-instrumentation';

export interface SubgraphOrmOptions {
  /** The PostgreSQL schema this subgraph owns; no other subgraph touches it. */
  schema: string;
  clientUrl: string;
  entities: NonNullable<Options['entities']>;
  /** Folder holding the compiled migrations (`dist/migrations` at run time). */
  migrationsPath: string;
  poolMax?: number;
  debug?: boolean;
}

export function subgraphOrmConfig(options: SubgraphOrmOptions): Options {
  return {
    clientUrl: options.clientUrl,
    schema: options.schema,
    entities: options.entities,
    extensions: [Migrator],
    // Metadata comes from decorators with explicit types: no ts-morph, no folder scanning.
    discovery: { warnWhenNoEntities: true, requireEntitiesArray: true },
    pool: { min: 0, max: options.poolMax ?? 10 },
    debug: options.debug ?? false,
    // Counts, times and traces every statement (hub_sql_statement_duration_seconds, SQL per request, spans).
    loggerFactory: (loggerOptions) => new HubOrmLogger(loggerOptions, options.schema),
    allowGlobalContext: false,
    migrations: {
      tableName: 'mikro_orm_migrations',
      path: options.migrationsPath,
      glob: '!(*.d).{js,ts}',
      transactional: true,
      allOrNothing: true,
      // Diff against the real database, not a snapshot file that can drift from it.
      snapshot: false,
      emit: 'ts',
      silent: true,
    },
  };
}

export async function initSubgraphOrm(options: SubgraphOrmOptions): Promise<MikroORM> {
  return MikroORM.init(subgraphOrmConfig(options));
}

/**
 * Creates the subgraph's schema and applies pending migrations. An advisory lock per schema keeps
 * two processes starting at once from migrating the same schema twice.
 */
export async function migrateSubgraph(orm: MikroORM, schema: string): Promise<void> {
  const clientUrl = orm.config.get('clientUrl') as string;
  const client = new Client({ connectionString: clientUrl });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', [`migrate:${schema}`]);
    await client.query(`create schema if not exists "${schema}"`);
    await orm.getMigrator().up();
  } finally {
    await client.query('select pg_advisory_unlock(hashtext($1))', [`migrate:${schema}`]).catch(() => undefined);
    await client.end();
  }
}

/** SQL that would still be needed to bring the database to the entities: empty when migrations match them. */
export async function pendingSchemaDiff(orm: MikroORM, schema: string): Promise<string> {
  return (await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false, schema })).trim();
}
