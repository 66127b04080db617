import { erpEntityId } from './index';

describe('erpEntityId', () => {
  // The ids every stored row and every subgraph already use (computed by the first implementation): they must never change.
  const known: Array<[string, string, string]> = [
    ['customer', 'C10001', '8071aa0e-f6ce-5a72-af83-3c417ec92a98'],
    ['product', 'HB-M8X30', 'c81f1397-c996-52d3-9000-ef8041c9c3dd'],
    ['warehouse', 'Łódź-ÄÖ', 'aed86d7d-eabf-52f1-8d85-c75a75833a85'],
  ];

  it('gives the same name-based UUID for the same entity and key, every time and after many others', () => {
    for (const [entity, key, id] of known) expect(erpEntityId(entity, key)).toBe(id);
    // Past the memo's size: the first ones are computed afresh, and still the same.
    const many = Array.from({ length: 25_000 }, (_, i) => erpEntityId('product', `P-${i}`));
    expect(new Set(many).size).toBe(many.length);
    for (const [entity, key, id] of known) expect(erpEntityId(entity, key)).toBe(id);
    expect(erpEntityId('product', 'P-7')).toBe(many[7]);
  });

  it('is a version 5, RFC 4122 variant UUID, different per entity for the same key', () => {
    const id = erpEntityId('customer', 'X1');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(erpEntityId('product', 'X1')).not.toBe(id);
  });
});
