import { rowEncoderFor } from './copy-row-encoder';
import { defineMergeTarget, RowOf } from './merge-target';

const ITEM = defineMergeTarget({
  schema: 'shop',
  table: 'item',
  columns: { id: 'text', name: 'text', qty: 'numeric', attrs: 'jsonb', tags: 'text[]', active: 'boolean' },
  key: ['id'],
  notFromErp: [],
  onDelete: 'delete',
});
type ItemRow = RowOf<typeof ITEM>;
const encoder = rowEncoderFor(ITEM);

describe('CopyRowEncoder', () => {
  it('writes the declared columns in declaration order, whatever the order of the row keys', () => {
    const row: ItemRow = { tags: ['a'], active: true, attrs: { k: 'v\t' }, qty: 2, name: 'Bolt\n', id: 'x' };
    expect(encoder.encode(row, '\t7')).toBe('x\tBolt\\n\t2\t{"k":"v\\\\t"}\t{"a"}\tt\t7\n');
    expect(encoder.columns).toEqual(['id', 'name', 'qty', 'attrs', 'tags', 'active']);
  });

  it('writes null as \\N but refuses undefined, naming table and column', () => {
    expect(encoder.encode({ id: 'x', name: null, qty: null, attrs: null, tags: null, active: null })).toBe('x\t\\N\t\\N\t\\N\t\\N\t\\N\n');
    expect(() => encoder.encode({ id: 'x', name: undefined } as unknown as ItemRow)).toThrow('shop.item: column "name" is undefined');
  });

  it('checks that a row has exactly the declared columns', () => {
    const row: ItemRow = { id: 'x', name: 'n', qty: 1, attrs: {}, tags: [], active: false };
    expect(() => encoder.checkColumns(row)).not.toThrow();
    const { qty, ...withoutQty } = row;
    expect(qty).toBe(1);
    expect(() => encoder.checkColumns(withoutQty as ItemRow, 'the first row')).toThrow('shop.item: the first row lacks column "qty"');
    expect(() => encoder.checkColumns({ ...row, colour: 'red' } as ItemRow)).toThrow('shop.item: row has column "colour", which the merge target does not declare');
  });
});

describe('defineMergeTarget', () => {
  it('refuses inconsistent declarations the types cannot catch', () => {
    const base = { schema: 's', table: 't', columns: { id: 'uuid', at: 'timestamptz' }, onDelete: 'delete' } as const;
    expect(() => defineMergeTarget({ ...base, key: [], notFromErp: [] })).toThrow('merge target s.t: no key columns');
    expect(() => defineMergeTarget({ ...base, key: ['id'], insertOnly: ['id'], notFromErp: [] })).toThrow('key column "id" cannot be insert-only');
    expect(() => defineMergeTarget({ ...base, key: ['id'], notFromErp: ['at'] })).toThrow('"at" is both written and listed in notFromErp');
  });
});
