import { ErpCustomerRecord, ErpOrderRecord } from '@hub/erp-contract';
import { parcelDataFor } from './small-data';

describe("a web order's delivery note: what the hub's parcel carrier needs", () => {
  const address = (code: string, street: string) => ({ code, name: 'Acme', street, postalCode: '10111', city: 'Tallinn', country: 'EE' });
  const customer = (paymentTermsDays: number): ErpCustomerRecord => ({
    customerNumber: 'C1', name: 'Acme', currency: 'EUR', country: 'EE', customerGroup: null, creditLimit: '5000.00', balance: '0.00', blocked: false, paymentTermsDays,
    invoiceAddress: address('INV', 'Invoice 1'), deliveryAddresses: [address('D1', 'Main 1'), address('D2', 'Site 2')],
  });
  const order = (total: string, deliveryAddressCode: string | null, quantities: string[]): ErpOrderRecord => ({
    orderNumber: 'SO-1', hubOrderId: 'h', customerNumber: 'C1', status: 'SHIPPED', placedAt: '2026-01-01T00:00:00Z', currency: 'EUR', total, deliveryAddressCode,
    lines: quantities.map((quantity, i) => ({ lineNo: i + 1, sku: `S${i}`, quantity, unitPrice: '1.00', lineTotal: '1.00' })),
  });

  it("ships to the order's delivery address, weighs 800 g a unit, and charges packaging on small orders", () => {
    expect(parcelDataFor(order('100.00', 'D2', ['2', '0.5']), customer(30), 24)).toEqual({ shipTo: address('D2', 'Site 2'), weightGrams: 2400, codAmount: null, packagingFee: '4.90', currency: 'EUR' });
    expect(parcelDataFor(order('250.00', null, ['100']), customer(30), 24)).toMatchObject({ shipTo: address('D1', 'Main 1'), weightGrams: 31_500, packagingFee: '0.00' });
  });

  it('collects the gross total on delivery from customers with 0 days to pay', () => {
    expect(parcelDataFor(order('100.05', 'D1', ['1']), customer(0), 24).codAmount).toBe('124.06');
  });
});
