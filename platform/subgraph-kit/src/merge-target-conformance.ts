import { EntityMetadata, MikroORM, ReferenceKind } from '@mikro-orm/postgresql';
import { subgraphOrmConfig } from '@hub/database';
import { MergeTarget } from '@hub/ingest';
import { SubgraphModule } from './subgraph-module';

interface TableShape {
  /** Column name → column type as MikroORM creates it (e.g. 'numeric(14,2)', 'char(3)'). */
  columns: Map<string, string>;
  /** Column sets with a unique constraint, the primary key first. */
  uniqueKeys: string[][];
}

/**
 * What is wrong between a subgraph's merge targets and its tables, as read from the entity
 * metadata (the schema-and-migrations test keeps the migrated tables equal to it): one message
 * per problem, none when they agree. Needs no database.
 */
export async function mergeTargetMismatches(module: Pick<SubgraphModule, 'dbSchema' | 'entities' | 'migrationsPath'>, targets: readonly MergeTarget[]): Promise<string[]> {
  const tables = await tableShapes(module);
  return targets.flatMap((target) => targetMismatches(target, module.dbSchema, tables));
}

async function tableShapes(module: Pick<SubgraphModule, 'dbSchema' | 'entities' | 'migrationsPath'>): Promise<Map<string, TableShape>> {
  const config = subgraphOrmConfig({ schema: module.dbSchema, clientUrl: 'postgresql://metadata-only@127.0.0.1/none', entities: module.entities, migrationsPath: module.migrationsPath });
  const orm = await MikroORM.init({ ...config, connect: false });
  try {
    const tables = new Map<string, TableShape>();
    for (const meta of Object.values(orm.getMetadata().getAll())) {
      if (meta.embeddable || meta.virtual || !meta.tableName) continue;
      tables.set(`${meta.schema ?? module.dbSchema}.${meta.tableName}`, tableShape(meta));
    }
    return tables;
  } finally {
    await orm.close(true);
  }
}

function tableShape(meta: EntityMetadata): TableShape {
  const columns = new Map<string, string>();
  const fieldsOf = (property: string): string[] => meta.properties[property]?.fieldNames ?? [property];
  for (const prop of meta.props) {
    const stored = prop.persist !== false && !prop.formula && (prop.kind === ReferenceKind.SCALAR || prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner));
    if (!stored) continue;
    prop.fieldNames.forEach((field, i) => columns.set(field, prop.columnTypes[i]));
  }
  const uniqueKeys = [
    meta.primaryKeys.flatMap(fieldsOf),
    ...meta.props.filter((p) => p.unique === true).map((p) => p.fieldNames),
    ...meta.uniques.filter((u) => u.properties).map((u) => [u.properties!].flat().flatMap((p) => fieldsOf(p as string))),
  ];
  return { columns, uniqueKeys };
}

function targetMismatches(target: MergeTarget, dbSchema: string, tables: Map<string, TableShape>): string[] {
  const name = `${target.schema}.${target.table}`;
  if (target.schema !== dbSchema) return [`${name}: the subgraph owns schema "${dbSchema}", not "${target.schema}"`];
  const table = tables.get(name);
  if (!table) return [`${name}: no entity has this table`];

  const problems: string[] = [];
  for (const [column, staging] of Object.entries(target.columns)) {
    const type = table.columns.get(column);
    if (type === undefined) problems.push(`${name}: column "${column}" is not a column of the table`);
    else if (typeFamily(staging) !== typeFamily(type)) problems.push(`${name}: column "${column}" is ${type}, staged as ${staging}`);
  }
  const key = [...target.key].sort().join(',');
  if (!table.uniqueKeys.some((columns) => [...columns].sort().join(',') === key)) {
    problems.push(`${name}: key (${target.key.join(', ')}) is neither the primary key nor a unique constraint`);
  }
  for (const column of table.columns.keys()) {
    if (!(column in target.columns) && !target.notFromErp.includes(column)) {
      problems.push(`${name}: column "${column}" is neither written by the ingest nor listed in notFromErp`);
    }
  }
  for (const column of target.notFromErp) {
    if (!table.columns.has(column)) problems.push(`${name}: notFromErp lists "${column}", which is not a column of the table`);
  }
  return problems;
}

/** Types a staging column can load into unchanged: text also fills varchar, numeric any precision, jsonb also json. */
function typeFamily(type: string): string {
  const t = type.toLowerCase().replace(/\s+/g, ' ').trim();
  const char = /^(?:char|character|bpchar)\s?\((\d+)\)$/.exec(t);
  if (char) return `char(${char[1]})`;
  if (/^(?:text|varchar|character varying)(?:\(\d+\))?\[\]$/.test(t)) return 'text[]';
  if (/^(?:text|varchar|character varying)(?:\(\d+\))?$/.test(t)) return 'text';
  if (/^(?:numeric|decimal)(?:\(\d+(?:, ?\d+)?\))?$/.test(t)) return 'numeric';
  if (/^(?:int|integer|int4)$/.test(t)) return 'integer';
  if (/^(?:bool|boolean)$/.test(t)) return 'boolean';
  if (/^timestamptz(?:\(\d\))?$|^timestamp(?:\(\d\))? with time zone$/.test(t)) return 'timestamptz';
  if (t === 'json' || t === 'jsonb') return 'jsonb';
  return t;
}
