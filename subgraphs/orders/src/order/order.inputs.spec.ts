import { sameLines, validatePlaceOrder } from './order.inputs';

const product = '5b3e2b7e-1f0a-4c3e-9d2a-2f7b8c9d0e1f';
const other = '6c4f3c8f-2a1b-4d4f-8e3b-3a8c9d0e1f20';
const valid = { idempotencyKey: 'order-12345', lines: [{ productId: product, quantity: 2 }] };

describe('validatePlaceOrder', () => {
  it('accepts a well-formed order', () => {
    expect(() => validatePlaceOrder(valid)).not.toThrow();
  });

  it.each([
    ['a short idempotency key', { ...valid, idempotencyKey: 'abc' }, 'idempotencyKey'],
    ['no lines', { ...valid, lines: [] }, 'lines'],
    ['a product id that is not a UUID', { ...valid, lines: [{ productId: 'x', quantity: 1 }] }, 'lines.0.productId'],
    ['a zero quantity', { ...valid, lines: [{ productId: product, quantity: 0 }] }, 'lines.0.quantity'],
    ['a fractional quantity', { ...valid, lines: [{ productId: product, quantity: 1.5 }] }, 'lines.0.quantity'],
    ['the same product twice', { ...valid, lines: [{ productId: product, quantity: 1 }, { productId: product, quantity: 2 }] }, 'lines.1.productId'],
  ])('rejects %s with BAD_USER_INPUT', (_what, input, field) => {
    expect(() => validatePlaceOrder(input)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) }));
  });
});

describe('sameLines', () => {
  it('ignores the order of lines but not quantities', () => {
    const a = [{ productId: product, quantity: 1 }, { productId: other, quantity: 2 }];
    expect(sameLines(a, [...a].reverse())).toBe(true);
    expect(sameLines(a, [{ productId: product, quantity: 1 }, { productId: other, quantity: 3 }])).toBe(false);
  });
});
