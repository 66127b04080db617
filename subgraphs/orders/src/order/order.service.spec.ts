import { checkPageSize, MAX_ORDERS_PER_PAGE } from './order.service';

describe('order page size', () => {
  it('accepts 1 to the maximum', () => {
    expect(() => checkPageSize(1)).not.toThrow();
    expect(() => checkPageSize(MAX_ORDERS_PER_PAGE)).not.toThrow();
  });

  it('rejects anything else with BAD_USER_INPUT', () => {
    for (const first of [0, -5, MAX_ORDERS_PER_PAGE + 1, 2.5]) {
      expect(() => checkPageSize(first)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'first' }) }));
    }
  });
});
