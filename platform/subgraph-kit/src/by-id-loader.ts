import DataLoader from 'dataloader';
import { EntityClass, EntityManager } from '@mikro-orm/postgresql';
import { withSpan } from '@hub/observability';

/** One `where id in (...)` per tick for any entity with a string `id`. */
export function createByIdLoader<T extends { id: string }>(em: EntityManager, entity: EntityClass<T>): DataLoader<string, T | null> {
  const name = `batch ${(entity as { name?: string }).name ?? 'entity'}.byId`;
  return new DataLoader<string, T | null>((ids) =>
    // One span per batch (not per key): what a resolver's fan-out really costs.
    withSpan(name, { attributes: { 'hub.batch.size': ids.length } }, async () => {
      const rows = await em.find(entity, { id: { $in: [...ids] } } as any);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  );
}

/** Loads rows by a unique key, one query for all keys; null for a key without a row. */
export function createUniqueLoader<K extends string, T>(load: (keys: K[]) => Promise<T[]>, keyOf: (row: T) => K): DataLoader<K, T | null> {
  return new DataLoader<K, T | null>(async (keys) => {
    const byKey = new Map((await load([...keys])).map((row) => [keyOf(row), row]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** Groups rows by a key, one query for all keys: the loader behind every "list of children" field. */
export function createGroupLoader<K extends string, T>(load: (keys: K[]) => Promise<T[]>, keyOf: (row: T) => K, name = load.name || 'group'): DataLoader<K, T[]> {
  return new DataLoader<K, T[]>(async (keys) => {
    const rows = await withSpan(`batch ${name}`, { attributes: { 'hub.batch.size': keys.length } }, () => load([...keys]));
    const groups = new Map<K, T[]>();
    for (const row of rows) {
      const key = keyOf(row);
      const group = groups.get(key);
      if (group) group.push(row);
      else groups.set(key, [row]);
    }
    return keys.map((key) => groups.get(key) ?? []);
  });
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else is a client mistake, not a database error. */
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}
