import { parseDay, requestFingerprint, sameLines, validatePlaceOrder } from './order.inputs';

const product = '5b3e2b7e-1f0a-4c3e-9d2a-2f7b8c9d0e1f';
const other = '6c4f3c8f-2a1b-4d4f-8e3b-3a8c9d0e1f20';
const valid = { idempotencyKey: 'order-12345', lines: [{ productId: product, quantity: 2 }] };

describe('validatePlaceOrder', () => {
  it('accepts a well-formed order and tells where its lines come from', () => {
    expect(validatePlaceOrder(valid)).toEqual({ kind: 'lines', lines: valid.lines });
    expect(validatePlaceOrder({ idempotencyKey: 'order-12345' })).toEqual({ kind: 'basket' });
    expect(validatePlaceOrder({ idempotencyKey: 'order-12345', quoteId: other, customerReference: 'PO 1', notes: 'Gate 4' })).toEqual({ kind: 'quote', quoteId: other });
  });

  it.each([
    ['a short idempotency key', { ...valid, idempotencyKey: 'abc' }, 'idempotencyKey'],
    ['no lines', { ...valid, lines: [] }, 'lines'],
    ['501 lines', { ...valid, lines: Array.from({ length: 501 }, () => ({ productId: product, quantity: 1 })) }, 'lines'],
    ['a product id that is not a UUID', { ...valid, lines: [{ productId: 'x', quantity: 1 }] }, 'lines.0.productId'],
    ['a zero quantity', { ...valid, lines: [{ productId: product, quantity: 0 }] }, 'lines.0.quantity'],
    ['a negative quantity', { ...valid, lines: [{ productId: product, quantity: -1 }] }, 'lines.0.quantity'],
    ['a fractional quantity', { ...valid, lines: [{ productId: product, quantity: 1.5 }] }, 'lines.0.quantity'],
    ['the same product twice', { ...valid, lines: [{ productId: product, quantity: 1 }, { productId: product, quantity: 2 }] }, 'lines.1.productId'],
    ['lines and a quote', { ...valid, quoteId: other }, 'quoteId'],
    ['a quote id that is not a UUID', { idempotencyKey: 'order-12345', quoteId: 'q-1' }, 'quoteId'],
    ['a branch id that is not a UUID', { ...valid, branchId: 'main' }, 'branchId'],
    ['a delivery address code that is not one', { ...valid, deliveryAddressCode: 'D 1; drop' }, 'deliveryAddressCode'],
    ['a pick-up store code that is not one', { ...valid, pickupStoreCode: 'M A L' }, 'pickupStoreCode'],
    ['a pick-up store and a delivery address', { ...valid, pickupStoreCode: 'MAL', deliveryAddressCode: 'D1' }, 'pickupStoreCode'],
    ['a long customer reference', { ...valid, customerReference: 'x'.repeat(101) }, 'customerReference'],
    ['long notes', { ...valid, notes: 'x'.repeat(1001) }, 'notes'],
  ])('rejects %s with BAD_USER_INPUT', (_what, input, field) => {
    expect(() => validatePlaceOrder(input)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) }));
  });
});

describe('requestFingerprint', () => {
  it('is the same for the same request, lines in any order, and differs for any other content', () => {
    const two = { idempotencyKey: 'k-1234567', lines: [{ productId: product, quantity: 1 }, { productId: other, quantity: 2 }] };
    expect(requestFingerprint(two)).toBe(requestFingerprint({ ...two, idempotencyKey: 'another-key', lines: [...two.lines].reverse() }));
    expect(requestFingerprint({ ...two, customerReference: '  PO-1 ' })).toBe(requestFingerprint({ ...two, customerReference: 'PO-1' }));
    const others = [
      { ...two, lines: [{ productId: product, quantity: 1 }, { productId: other, quantity: 3 }] },
      { ...two, customerReference: 'PO-1' },
      { ...two, notes: 'n' },
      { ...two, deliveryAddressCode: 'D2' },
      { ...two, pickupStoreCode: 'MAL' },
      { ...two, pickupStoreCode: 'VLC' },
      { idempotencyKey: 'k-1234567' },
      { idempotencyKey: 'k-1234567', quoteId: other },
    ];
    const prints = new Set([two, ...others].map(requestFingerprint));
    expect(prints.size).toBe(others.length + 1);
  });
});

describe('sameLines', () => {
  it('ignores the order of lines but not quantities', () => {
    const a = [{ productId: product, quantity: 1 }, { productId: other, quantity: 2 }];
    expect(sameLines(a, [...a].reverse())).toBe(true);
    expect(sameLines(a, [{ productId: product, quantity: 1 }, { productId: other, quantity: 3 }])).toBe(false);
  });
});

describe('parseDay', () => {
  it('takes a calendar day as its first instant in UTC, and nothing else', () => {
    expect(parseDay('2026-02-28', 'f').toISOString()).toBe('2026-02-28T00:00:00.000Z');
    for (const bad of ['2026-02-30', '2026-2-1', '20260201', 'yesterday']) {
      expect(() => parseDay(bad, 'filter.placedFrom')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ field: 'filter.placedFrom' }) }));
    }
  });
});
