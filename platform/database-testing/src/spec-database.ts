import { createHash, randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';
import { dropDatabase, EntityManager, initSubgraphOrm, migrateSubgraph, MikroORM, SubgraphOrmOptions, withDatabase } from '@hub/database';

/** What a spec database needs of a subgraph module; a `SubgraphModule` has all of it. */
export interface SpecModule {
  name: string;
  dbSchema: string;
  entities: SubgraphOrmOptions['entities'];
  migrationsPath: string;
}

/** A database of a spec's own, migrated for the modules it was created with. */
export interface SpecDatabase {
  url: string;
  /** For fixtures written in SQL and for repositories that work on `pg` (the integrator's). */
  pool: Pool;
  /** The ORM of one of the modules (by name; the first one when not named). */
  orm(module?: string): MikroORM;
  /** A fresh fork of that ORM's EntityManager, as a request gets. */
  em(module?: string): EntityManager;
  /** Closes the ORMs and the pool, then drops the database. */
  drop(): Promise<void>;
}

export interface SpecDatabaseOptions {
  /** Connections per ORM (default 2). */
  poolMax?: number;
}

const SAFE_NAME = /^[a-z0-9_]+$/;

interface TestRun {
  serverUrl: string;
  /** The run's own database; every spec and template database is named after it, so teardown finds them. */
  runDatabase: string;
}

function testRun(env: NodeJS.ProcessEnv = process.env): TestRun {
  const serverUrl = env.HUB_TEST_SERVER_URL;
  const databaseUrl = env.HUB_TEST_DATABASE_URL;
  if (!serverUrl || !databaseUrl) {
    throw new Error(
      'HUB_TEST_SERVER_URL / HUB_TEST_DATABASE_URL are not set: repository specs need the PostgreSQL server of the Jest global setup ' +
        '(tests/support/global-setup.ts). Run them with Jest from the repository root, e.g. `npx jest subgraphs/products/src/product/product.repository.spec.ts`.',
    );
  }
  const runDatabase = new URL(databaseUrl).pathname.slice(1);
  if (!SAFE_NAME.test(runDatabase)) throw new Error(`Unexpected test database name: ${runDatabase}`);
  return { serverUrl, runDatabase };
}

/** The prefix of every database the specs of a run create (the template and the specs' own). */
export function specDatabasePrefix(runDatabase: string): string {
  return `${runDatabase}_`;
}

async function withAdminClient<T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Per worker: templates already known to be ready. */
const templates = new Map<string, Promise<void>>();

/**
 * Migrating costs about a second per subgraph, cloning a database a tenth of that: the modules are
 * migrated once per run into a template database, and every spec database is a copy of it. Workers
 * race to create it, so creation happens under an advisory lock; `is_template` marks it finished
 * (a template left half-migrated by a killed worker is dropped and made again).
 */
function ensureTemplate(run: TestRun, modules: readonly SpecModule[]): Promise<string> {
  const fingerprint = createHash('sha1')
    .update(JSON.stringify(modules.map((m) => [m.dbSchema, m.migrationsPath])))
    .digest('hex')
    .slice(0, 10);
  const name = `${specDatabasePrefix(run.runDatabase)}t_${fingerprint}`;
  let ready = templates.get(name);
  if (!ready) {
    ready = withAdminClient(run.serverUrl, async (admin) => {
      await admin.query('select pg_advisory_lock(hashtext($1))', [`spec-template:${name}`]);
      try {
        const { rows } = await admin.query<{ datistemplate: boolean }>('select datistemplate from pg_database where datname = $1', [name]);
        if (rows[0]?.datistemplate) return;
        if (rows[0]) await admin.query(`drop database "${name}" with (force)`);
        await admin.query(`create database "${name}"`);
        try {
          for (const module of modules) {
            const orm = await initSubgraphOrm({ schema: module.dbSchema, clientUrl: withDatabase(run.serverUrl, name), entities: module.entities, migrationsPath: module.migrationsPath, poolMax: 1 });
            try {
              await migrateSubgraph(orm, module.dbSchema);
            } finally {
              await orm.close(true);
            }
          }
        } catch (error) {
          await admin.query(`drop database if exists "${name}" with (force)`).catch(() => undefined);
          throw error;
        }
        await admin.query(`alter database "${name}" is_template true`);
      } finally {
        await admin.query('select pg_advisory_unlock(hashtext($1))', [`spec-template:${name}`]).catch(() => undefined);
      }
    });
    // A failure is reported to this caller; the next one tries again.
    ready.catch(() => templates.delete(name));
    templates.set(name, ready);
  }
  return ready.then(() => name);
}

/**
 * A fresh database with the modules' schemas migrated, for a spec that runs real SQL (no gateway,
 * no hub process). Needs the Jest global setup's PostgreSQL server; the spec inserts its own rows.
 *
 *   const db = await createSpecDatabase([productsSubgraph]);
 *   const repository = new ProductRepository(db.em());
 *   afterAll(() => db.drop());
 */
export async function createSpecDatabase(modules: readonly SpecModule[], options: SpecDatabaseOptions = {}): Promise<SpecDatabase> {
  if (modules.length === 0) throw new Error('createSpecDatabase needs at least one module.');
  const run = testRun();
  const template = await ensureTemplate(run, modules);
  const name = `${specDatabasePrefix(run.runDatabase)}s_${randomBytes(5).toString('hex')}`;
  await withAdminClient(run.serverUrl, (admin) => admin.query(`create database "${name}" template "${template}"`));
  const url = withDatabase(run.serverUrl, name);

  const orms = new Map<string, MikroORM>();
  const pool = new Pool({ connectionString: url, max: options.poolMax ?? 2 });
  pool.on('error', () => undefined); // an idle connection lost at drop time
  try {
    for (const module of modules) {
      orms.set(
        module.name,
        await initSubgraphOrm({ schema: module.dbSchema, clientUrl: url, entities: module.entities, migrationsPath: module.migrationsPath, poolMax: options.poolMax ?? 2 }),
      );
    }
  } catch (error) {
    await Promise.all([...orms.values()].map((orm) => orm.close(true)));
    await pool.end();
    await dropDatabase(run.serverUrl, name);
    throw error;
  }

  const ormOf = (module?: string): MikroORM => {
    const orm = orms.get(module ?? modules[0].name);
    if (!orm) throw new Error(`No module ${module} in this spec database (it has ${[...orms.keys()].join(', ')}).`);
    return orm;
  };
  return {
    url,
    pool,
    orm: ormOf,
    em: (module) => ormOf(module).em.fork(),
    drop: async () => {
      await Promise.all([...orms.values()].map((orm) => orm.close(true)));
      await pool.end();
      await dropDatabase(run.serverUrl, name);
    },
  };
}

/** For the global teardown: drops the run's template and whatever spec databases a failed spec left. */
export async function dropSpecDatabases(serverUrl: string, runDatabase: string): Promise<void> {
  const prefix = specDatabasePrefix(runDatabase);
  await withAdminClient(serverUrl, async (admin) => {
    const { rows } = await admin.query<{ datname: string }>('select datname from pg_database where starts_with(datname, $1)', [prefix]);
    for (const { datname } of rows) {
      if (!SAFE_NAME.test(datname)) continue;
      // A template cannot be dropped.
      await admin.query(`alter database "${datname}" is_template false`);
      await admin.query(`drop database if exists "${datname}" with (force)`);
    }
  });
}
