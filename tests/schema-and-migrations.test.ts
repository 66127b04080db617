import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initSubgraphOrm, pendingSchemaDiff } from '@hub/database';
import { composeSupergraph, SCHEMA_DIR, SUBGRAPH_MODULES } from '@hub/schema';
import { subgraphModule as memoModule } from './support/memo-module';

describe('the checked-in schema', () => {
  it('composes without errors and matches schema/ (run `npm run compose` when this fails)', async () => {
    const { files, errors } = await composeSupergraph();
    expect(errors).toEqual([]);
    expect(Object.keys(files).sort()).toEqual([...SUBGRAPH_MODULES.map((m) => `${m.name}.graphql`), 'supergraph.graphql'].sort());
    for (const [name, content] of Object.entries(files)) {
      expect({ name, content: readFileSync(join(SCHEMA_DIR, name), 'utf8') }).toEqual({ name, content });
    }
  });
});

describe('migrations', () => {
  // The test extension module too: its hand-written migration must match its entities like generated ones do.
  it.each([...SUBGRAPH_MODULES, memoModule].map((m) => [m.name, m] as const))(
    '%s: the migrated database matches the entities (run `npm run migration:create -- <name>` when this fails)',
    async (_name, module) => {
      const orm = await initSubgraphOrm({ schema: module.dbSchema, clientUrl: process.env.HUB_TEST_DATABASE_URL!, entities: module.entities, migrationsPath: module.migrationsPath });
      try {
        expect(await orm.getMigrator().getPendingMigrations()).toEqual([]);
        expect((await orm.getMigrator().getExecutedMigrations()).length).toBeGreaterThan(0);
        expect(await pendingSchemaDiff(orm, module.dbSchema)).toBe('');
      } finally {
        await orm.close(true);
      }
    },
  );
});
