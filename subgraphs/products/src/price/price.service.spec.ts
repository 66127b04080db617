import { choosePrice } from './price.service';

describe('choosePrice', () => {
  const list = { listPrice: '10.0000', currency: 'EUR', customerPrice: null };

  it('uses the list price when the company has no price of its own', () => {
    expect(choosePrice(list, 1)).toMatchObject({ amount: '10.00', currency: 'EUR' });
  });

  it('prefers the customer-specific price', () => {
    expect(choosePrice({ ...list, customerPrice: { price: '8.5000', currency: 'EUR' } }, 3)).toMatchObject({ amount: '8.50' });
  });

  it('keeps sub-cent precision when a price has it', () => {
    expect(choosePrice({ ...list, customerPrice: { price: '0.0125', currency: 'EUR' } }, 1000)).toMatchObject({ amount: '0.0125' });
  });

  it('rejects quantities that are not whole and positive', () => {
    for (const q of [0, -1, 1.5, 2_000_000]) {
      expect(() => choosePrice(list, q)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
    }
  });
});
