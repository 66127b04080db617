import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { defineMergeTarget } from '@hub/ingest';
import { mergeTargetMismatches } from './merge-target-conformance';

@Entity({ tableName: 'shelf' })
class ShelfEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string;
}

@Entity({ tableName: 'widget' })
@Unique({ properties: ['shelf', 'position'] })
class WidgetEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'text', unique: true })
  code: string;

  @ManyToOne({ entity: () => ShelfEntity })
  shelf: ShelfEntity;

  @Property({ type: 'integer' })
  position: number;

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  price: string;

  @Property({ type: 'character', length: 3 })
  currency: string;

  @Property({ type: 'varchar', length: 40 })
  label: string;

  @Property({ type: 'jsonb' })
  attributes: object;

  @Property({ type: 'text[]' })
  tags: string[];

  @Property({ type: 'date', nullable: true })
  available: string | null;

  @Property({ type: 'boolean' })
  active: boolean;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt: Date;
}

const widgets = { dbSchema: 'kit', entities: [ShelfEntity, WidgetEntity], migrationsPath: __dirname };

const columns = {
  id: 'uuid',
  code: 'text',
  shelf_id: 'uuid',
  position: 'integer',
  price: 'numeric',
  currency: 'char(3)',
  label: 'text',
  attributes: 'jsonb',
  tags: 'text[]',
  available: 'date',
  active: 'boolean',
} as const;

const widget = defineMergeTarget({ schema: 'kit', table: 'widget', columns, key: ['id'], notFromErp: ['updated_at'], onDelete: 'delete' });

describe('mergeTargetMismatches', () => {
  it('accepts a target that agrees with its entity, keyed by the primary key, a unique column or a unique constraint', async () => {
    const byCode = { ...widget, key: ['code'] as const };
    const byShelfPosition = { ...widget, key: ['position', 'shelf_id'] as const };
    const shelf = defineMergeTarget({ schema: 'kit', table: 'shelf', columns: { id: 'uuid' }, key: ['id'], notFromErp: [], onDelete: 'delete' });
    expect(await mergeTargetMismatches(widgets, [widget, byCode, byShelfPosition, shelf])).toEqual([]);
  });

  it('reports a foreign schema, a missing table and unknown columns', async () => {
    expect(await mergeTargetMismatches(widgets, [{ ...widget, schema: 'other' }])).toEqual(['other.widget: the subgraph owns schema "kit", not "other"']);
    expect(await mergeTargetMismatches(widgets, [{ ...widget, table: 'gadget' }])).toEqual(['kit.gadget: no entity has this table']);
    expect(await mergeTargetMismatches(widgets, [{ ...widget, columns: { ...columns, colour: 'text' } }])).toEqual(['kit.widget: column "colour" is not a column of the table']);
  });

  it('reports staging types the column does not take', async () => {
    const wrong = { ...columns, price: 'text', currency: 'char(2)', position: 'numeric', tags: 'jsonb', updated_at: 'date' } as const;
    expect(await mergeTargetMismatches(widgets, [{ ...widget, columns: wrong, notFromErp: [] }])).toEqual([
      'kit.widget: column "position" is int, staged as numeric',
      'kit.widget: column "price" is numeric(14,2), staged as text',
      'kit.widget: column "currency" is char(3), staged as char(2)',
      'kit.widget: column "tags" is text[], staged as jsonb',
      'kit.widget: column "updated_at" is timestamptz, staged as date',
    ]);
  });

  it('reports a key that no unique constraint covers exactly', async () => {
    expect(await mergeTargetMismatches(widgets, [{ ...widget, key: ['shelf_id'] }])).toEqual(['kit.widget: key (shelf_id) is neither the primary key nor a unique constraint']);
  });

  it('reports a column neither written nor listed in notFromErp, and stale notFromErp entries', async () => {
    const { label, ...withoutLabel } = columns;
    expect(label).toBe('text');
    expect(await mergeTargetMismatches(widgets, [{ ...widget, columns: withoutLabel }])).toEqual(['kit.widget: column "label" is neither written by the ingest nor listed in notFromErp']);
    expect(await mergeTargetMismatches(widgets, [{ ...widget, notFromErp: ['updated_at', 'legacy_flag'] }])).toEqual([
      'kit.widget: notFromErp lists "legacy_flag", which is not a column of the table',
    ]);
  });
});
