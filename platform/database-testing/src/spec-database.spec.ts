import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { EntitySchema } from '@mikro-orm/core';
import { createSpecDatabase, SpecModule } from './spec-database';

/** A module of one table and one migration, so the helper is tried without any subgraph. */
function noteModule(): { module: SpecModule; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'hub-spec-db-'));
  writeFileSync(
    join(dir, 'Migration20000101000000.js'),
    `const { Migration } = require(${JSON.stringify(require.resolve('@mikro-orm/migrations'))});
     class Migration20000101000000 extends Migration {
       async up() { this.addSql('create table "spec_probe"."note" ("id" int primary key, "text" text not null);'); }
     }
     exports.Migration20000101000000 = Migration20000101000000;`,
  );
  const Note = new EntitySchema<{ id: number; text: string }>({ name: 'Note', tableName: 'note', properties: { id: { type: 'integer', primary: true }, text: { type: 'text' } } });
  return { module: { name: 'probe', dbSchema: 'spec_probe', entities: [Note], migrationsPath: dir }, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

async function databaseExists(url: string): Promise<boolean> {
  const name = new URL(url).pathname.slice(1);
  const client = new Client({ connectionString: process.env.HUB_TEST_SERVER_URL });
  await client.connect();
  try {
    return (await client.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  } finally {
    await client.end();
  }
}

describe('createSpecDatabase', () => {
  const { module, cleanup } = noteModule();
  afterAll(cleanup);

  it('gives each caller a migrated database of its own, and drops it', async () => {
    const [a, b] = await Promise.all([createSpecDatabase([module]), createSpecDatabase([module])]);
    try {
      expect(a.url).not.toBe(b.url);
      await a.pool.query(`insert into spec_probe.note (id, text) values (1, 'only in a')`);
      expect(await a.em().getConnection().execute<Array<{ text: string }>>('select text from spec_probe.note')).toEqual([{ text: 'only in a' }]);
      expect((await b.pool.query('select count(*)::int as n from spec_probe.note')).rows[0].n).toBe(0);
      expect(() => a.orm('nope')).toThrow(/No module nope/);
    } finally {
      await a.drop();
      await b.drop();
    }
    expect(await databaseExists(a.url)).toBe(false);
  });

  it('says what is missing when run without the Jest global setup', async () => {
    const saved = process.env.HUB_TEST_SERVER_URL;
    delete process.env.HUB_TEST_SERVER_URL;
    try {
      await expect(createSpecDatabase([module])).rejects.toThrow(/HUB_TEST_SERVER_URL.*global setup/);
    } finally {
      process.env.HUB_TEST_SERVER_URL = saved;
    }
  });
});
