import Decimal from 'decimal.js';
import { ErpBlanketOrderRecord, ErpCustomerRecord, ErpProductRecord } from '@hub/erp-contract';
import { intBetween, isoDay } from './random';

const DAY = 86_400_000;

/**
 * The demo ERP's blanket (indent) orders: a year's agreement for the first customers, three lines
 * each at 8 % below list price; a customer with several delivery addresses (a multi-shop
 * retailer) has each line split between its first two shops (60/40). The first line was drawn on
 * already by a phone order of the ERP's own, so the hub shows an agreement partly used.
 */
export function demoBlanketOrders(customers: readonly ErpCustomerRecord[], products: readonly ErpProductRecord[], seed: number, referenceDate: Date): ErpBlanketOrderRecord[] {
  const sellable = products.filter((p) => p.active && (p.webAssortment === undefined || p.webAssortment === null) && Number(p.minOrderQuantity ?? '1') === 1);
  return customers.map((customer, c) => {
    const number = `BO-${String(5001 + c)}`;
    const shops = customer.deliveryAddresses.length >= 2 ? customer.deliveryAddresses.slice(0, 2) : null;
    const lines = [0, 1, 2].map((k) => {
      const product = sellable[(c * 17 + k * 29 + seed) % sellable.length];
      const quantity = intBetween(10, 40, seed, c, k, 81) * 10;
      const drawn = k === 0 ? Math.round(quantity / 10) : 0;
      const split = shops?.map((shop, s) => {
        const share = s === 0 ? Math.round(quantity * 0.6) : quantity - Math.round(quantity * 0.6);
        return { deliveryAddressCode: shop.code, quantity: String(share), drawnQuantity: String(s === 0 ? drawn : 0) };
      }) ?? null;
      return {
        lineNo: k + 1, sku: product.sku, quantity: String(quantity), unitPrice: new Decimal(product.listPrice).mul('0.92').toFixed(2), drawnQuantity: String(drawn), shops: split,
      };
    });
    const from = new Date(referenceDate.getTime() - 30 * DAY);
    return {
      key: number, blanketOrderNumber: number, customerNumber: customer.customerNumber, currency: customer.currency,
      validFrom: isoDay(from), validTo: isoDay(new Date(from.getTime() + 365 * DAY)), status: 'OPEN', lines,
      drawdowns: [{ orderNumber: `SO-${String(880_001 + c)}`, hubOrderId: null, placedAt: new Date(from.getTime() + 5 * DAY).toISOString() }],
    };
  });
}
