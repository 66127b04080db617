import { logisticsOf } from './product-logistics';
import {
  ErpContactRecord, ErpCustomerRecord, ErpDeliveryNoteRecord, ErpInvoiceRecord, ErpOrderRecord, ErpOrderStatus, ErpPriceRecord,
  ErpProductRecord, ErpStockRecord,
} from '@hub/erp-contract';
import { cents, hash32, intBetween, isoDay, unit } from './random';
import {
  FAMILIES, FIRST_NAMES, LARGE_COUNTRIES, LAST_NAMES, MIN_ORDER_QUANTITY, NAME_PARTS, NAME_SUFFIXES, PRODUCT_LINES, VAT_RATE_PERCENT,
  WAREHOUSE_NAMES, categoryRecords, exchangeRateRecords,
} from './reference';
import { addresses, creditNoteFor, deliveryNoteFor, openItemFor, paymentFor, phoneFor, warrantyMonthsOf } from './small-data';
import { ArrayTable, ErpTables, LazyTable } from './tables';
import { catalogueExtras } from './catalogue-extras';
import { warehouseRecord } from './warehouses';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export const LARGE_SIZES = {
  customers: 5_000,
  products: 100_000,
  pricesPerCustomer: 200,
  warehouses: 20,
  warehousesPerProduct: 4,
  contactsPerCustomer: 2,
  orders: 20_000,
} as const;

const N = LARGE_SIZES.products;
/** Steps coprime with the product count, so offset + j * step (mod N) visits distinct products. */
const STEPS: number[] = [];
for (let k = 101; k < 5000; k += 2) if (k % 5 !== 0) STEPS.push(k);

const STATUSES: ErpOrderStatus[] = ['CONFIRMED', 'PICKED', 'SHIPPED', 'DELIVERED', 'INVOICED', 'INVOICED', 'INVOICED', 'CANCELLED'];
const SHIPPED = new Set<ErpOrderStatus>(['SHIPPED', 'DELIVERED', 'INVOICED']);
const ORDER_BASE = 600_001;
const CUSTOMER_BASE = 100_001;
const SKU_PATTERN = /^([A-Z]{2})-([SPE])(\d{6})$/;

function modInverse(a: number, m: number): number {
  let [oldR, r] = [a % m, m];
  let [oldS, s] = [1, 0];
  while (r !== 0) {
    const q = Math.floor(oldR / r);
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % m) + m) % m;
}

function asciiSlug(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');
}

function sortedIndexOf(values: Int32Array, value: number): number | undefined {
  let lo = 0;
  let hi = values.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] === value) return mid;
    if (values[mid] < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/**
 * The benchmark-scale ERP: every row is computed from (seed, index), nothing is materialised
 * except small index arrays (which orders have invoices, delivery notes, open items).
 */
/** The code of large-scale warehouse w (0-based). */
const whCode = (w: number) => `W${String(w + 1).padStart(2, '0')}`;

/** Every warehouse code of the large scale. */
export const LARGE_WAREHOUSE_CODES: readonly string[] = Array.from({ length: LARGE_SIZES.warehouses }, (_, w) => whCode(w));

export function buildLargeTables(seed: number, referenceDate: Date): ErpTables {
  // Products.
  const family = (p: number) => FAMILIES[p % FAMILIES.length];
  const line = (p: number) => {
    const u = unit(seed, p, 1);
    return PRODUCT_LINES[u < 0.6 ? 0 : u < 0.8 ? 1 : 2];
  };
  const skuOf = (p: number) => `${family(p).code}-${line(p).code}${String(p + 1).padStart(6, '0')}`;
  const listCents = (p: number) => {
    const f = family(p);
    return Math.round(intBetween(f.price[0] * 100, f.price[1] * 100, seed, p, 2) * line(p).factor);
  };
  const productIndex = (sku: string): number | undefined => {
    const m = SKU_PATTERN.exec(sku);
    if (!m) return undefined;
    const p = Number(m[3]) - 1;
    return p >= 0 && p < N && skuOf(p) === sku ? p : undefined;
  };
  const product = (p: number): ErpProductRecord => {
    const f = family(p);
    const l = line(p);
    const variant = f.variants[hash32(seed, p, 3) % f.variants.length];
    return {
      sku: skuOf(p),
      name: `${l.prefix}${f.noun} ${variant}`,
      description: `${f.text}${l.code === 'P' ? ' Professional grade with extended warranty.' : l.code === 'E' ? ' Economy line for occasional use.' : ''}`,
      unit: f.unit,
      listPrice: cents(listCents(p)),
      currency: 'EUR',
      minStock: String(intBetween(1, 6, seed, p, 4) * 5),
      categoryCodes: l.category ? [f.code, l.category] : [f.code],
      active: unit(seed, p, 5) >= 0.01,
      minOrderQuantity: String(MIN_ORDER_QUANTITY[f.code] ?? 1),
      warrantyMonths: warrantyMonthsOf(skuOf(p)),
      ...logisticsOf(skuOf(p)),
      // Same family every FAMILIES.length items.
      ...catalogueExtras(seed, p, skuOf(p), (k) => skuOf((((p + k * FAMILIES.length) % N) + N) % N), true),
    };
  };

  // Customers.
  const customerNumber = (c: number) => `C${CUSTOMER_BASE + c}`;
  const customerIndex = (key: string): number | undefined => {
    const m = /^C(\d+)$/.exec(key);
    return m ? Number(m[1]) - CUSTOMER_BASE : undefined;
  };
  const countryOf = (c: number) => LARGE_COUNTRIES[hash32(seed, c, 11) % LARGE_COUNTRIES.length];
  const termsOf = (c: number) => [14, 30, 30, 45, 60][hash32(seed, c, 12) % 5];
  const customerName = (c: number) => {
    const a = NAME_PARTS[hash32(seed, c, 13) % NAME_PARTS.length];
    const b = NAME_PARTS[hash32(seed, c, 14) % NAME_PARTS.length].toLowerCase();
    return `${a}${b} ${NAME_SUFFIXES[countryOf(c)]}`;
  };
  const customer = (c: number): ErpCustomerRecord => {
    const country = countryOf(c);
    const name = customerName(c);
    const creditLimit = intBetween(2, 40, seed, c, 15) * 5000;
    return {
      customerNumber: customerNumber(c),
      name,
      currency: 'EUR',
      country,
      customerGroup: unit(seed, c, 16) < 0.4 ? 'WHOLESALE' : 'RETAIL',
      creditLimit: cents(creditLimit * 100),
      balance: cents(intBetween(0, creditLimit * 50, seed, c, 17)),
      blocked: unit(seed, c, 18) < 0.01,
      paymentTermsDays: termsOf(c),
      taxRatePercent: String(VAT_RATE_PERCENT),
      ...addresses(seed, 1000 + c, name, country),
    };
  };

  // Customer prices: exactly 200 distinct products per customer.
  const per = LARGE_SIZES.pricesPerCustomer;
  const offsetOf = (c: number) => hash32(seed, c, 21) % N;
  const stepOf = (c: number) => STEPS[hash32(seed, c, 22) % STEPS.length];
  const pricedProduct = (c: number, j: number) => (offsetOf(c) + j * stepOf(c)) % N;
  const customerPriceCents = (c: number, p: number) => Math.round((listCents(p) * (100 - intBetween(5, 25, seed, c, p, 23))) / 100);
  const price = (i: number): ErpPriceRecord => {
    const c = Math.floor(i / per);
    const p = pricedProduct(c, i % per);
    const sku = skuOf(p);
    const cn = customerNumber(c);
    return { key: `C:${cn}:${sku}:1`, sku, customerNumber: cn, customerGroup: null, minQuantity: '1', price: cents(customerPriceCents(c, p)), currency: 'EUR', validFrom: null, validTo: null, promotion: false };
  };
  const priceIndex = (key: string): number | undefined => {
    const m = /^C:(C\d+):([^:]+):1$/.exec(key);
    if (!m) return undefined;
    const c = customerIndex(m[1]);
    const p = productIndex(m[2]);
    if (c === undefined || p === undefined || c < 0 || c >= LARGE_SIZES.customers) return undefined;
    const j = (((p - offsetOf(c) + N) % N) * modInverse(stepOf(c), N)) % N;
    return j < per ? c * per + j : undefined;
  };

  // Stock: each product in 4 of 20 warehouses.
  const wpp = LARGE_SIZES.warehousesPerProduct;
  const stockRow = (i: number): ErpStockRecord => {
    const p = Math.floor(i / wpp);
    const w = (p + (i % wpp) * 5) % LARGE_SIZES.warehouses;
    const onHand = unit(seed, p, w, 31) < 0.08 ? 0 : intBetween(0, 600, seed, p, w, 32);
    const reserved = Math.min(onHand, intBetween(0, 25, seed, p, w, 33));
    const low = onHand - reserved < intBetween(1, 6, seed, p, 4) * 5;
    return {
      key: `${whCode(w)}:${skuOf(p)}`, warehouseCode: whCode(w), warehouseName: WAREHOUSE_NAMES[w], sku: skuOf(p), onHand: String(onHand), reserved: String(reserved),
      nextReceiptDate: low ? isoDay(new Date(referenceDate.getTime() + intBetween(3, 21, seed, p, w, 34) * DAY)) : null,
      nextReceiptQuantity: low ? String(intBetween(5, 50, seed, p, w, 35) * 10) : null,
    };
  };
  const stockIndex = (key: string): number | undefined => {
    const m = /^W(\d\d):(.+)$/.exec(key);
    if (!m) return undefined;
    const w = Number(m[1]) - 1;
    const p = productIndex(m[2]);
    if (p === undefined || w < 0 || w >= LARGE_SIZES.warehouses) return undefined;
    const diff = (((w - p) % LARGE_SIZES.warehouses) + LARGE_SIZES.warehouses) % LARGE_SIZES.warehouses;
    return diff % 5 === 0 && diff / 5 < wpp ? p * wpp + diff / 5 : undefined;
  };

  // Contacts: two per customer.
  const contact = (i: number): ErpContactRecord => {
    const c = Math.floor(i / LARGE_SIZES.contactsPerCustomer);
    const first = FIRST_NAMES[hash32(seed, i, 41) % FIRST_NAMES.length];
    const last = LAST_NAMES[hash32(seed, i, 42) % LAST_NAMES.length];
    return {
      contactNumber: `K${i + 1}`,
      customerNumber: customerNumber(c),
      name: `${first} ${last}`,
      email: `${asciiSlug(first)}.${asciiSlug(last)}${i + 1}@${customerNumber(c).toLowerCase()}.example`,
      phone: phoneFor(seed, 5000 + i, countryOf(c)),
    };
  };

  // Orders, their delivery notes, invoices and open items.
  const statusOf = (i: number) => STATUSES[hash32(seed, i, 51) % STATUSES.length];
  const orderCustomer = (i: number) => hash32(seed, i, 52) % LARGE_SIZES.customers;
  const placedAtOf = (i: number) => new Date(referenceDate.getTime() - intBetween(0, 180 * 24, seed, i, 53) * HOUR);
  const order = (i: number): ErpOrderRecord => {
    const c = orderCustomer(i);
    const count = intBetween(1, 5, seed, i, 54);
    const used = new Set<number>();
    const lines: ErpOrderRecord['lines'] = [];
    let total = 0;
    for (let l = 0; l < count; l++) {
      const j = hash32(seed, i, l, 55) % per;
      if (used.has(j)) continue;
      used.add(j);
      const p = pricedProduct(c, j);
      const unitCents = customerPriceCents(c, p);
      const quantity = intBetween(1, 40, seed, i, l, 56);
      total += unitCents * quantity;
      lines.push({ lineNo: lines.length + 1, sku: skuOf(p), quantity: String(quantity), unitPrice: cents(unitCents), lineTotal: cents(unitCents * quantity) });
    }
    return { orderNumber: `SO-${ORDER_BASE + i}`, hubOrderId: null, customerNumber: customerNumber(c), status: statusOf(i), placedAt: placedAtOf(i).toISOString(), currency: 'EUR', total: cents(total), lines };
  };
  const orderIndex = (key: string, prefix: string): number | undefined => {
    const m = new RegExp(`^${prefix}-(\\d+)$`).exec(key);
    return m ? Number(m[1]) - ORDER_BASE : undefined;
  };
  const invoiceDates = (i: number) => {
    const issuedAt = new Date(placedAtOf(i).getTime() + intBetween(2, 10, seed, i, 57) * DAY);
    const dueAt = new Date(issuedAt.getTime() + termsOf(orderCustomer(i)) * DAY);
    return { issuedAt, dueAt, paid: dueAt < referenceDate && unit(seed, i, 58) < 0.8 };
  };
  const invoice = (i: number): ErpInvoiceRecord => {
    const o = order(i);
    const net = Math.round(Number(o.total) * 100);
    const total = Math.round((net * (100 + VAT_RATE_PERCENT)) / 100);
    const { issuedAt, dueAt, paid } = invoiceDates(i);
    return {
      invoiceNumber: `INV-${ORDER_BASE + i}`, customerNumber: o.customerNumber, orderNumber: o.orderNumber, hubOrderId: null, issuedAt: issuedAt.toISOString(), dueAt: dueAt.toISOString(),
      currency: 'EUR', netTotal: cents(net), taxTotal: cents(total - net), total: cents(total), openAmount: paid ? '0.00' : cents(total), status: paid ? 'PAID' : 'OPEN',
      // About a quarter of the ERP's invoices are signed electronic invoices.
      digitallySigned: unit(seed, i, 63) < 0.25,
    };
  };
  const deliveryNote = (i: number): ErpDeliveryNoteRecord => {
    const shippedAt = new Date(placedAtOf(i).getTime() + intBetween(1, 3, seed, i, 59) * DAY);
    const deliveredAt = statusOf(i) === 'SHIPPED' ? null : new Date(shippedAt.getTime() + intBetween(1, 2, seed, i, 60) * DAY);
    return deliveryNoteFor(order(i), seed, shippedAt, deliveredAt);
  };
  // Every fifth paid invoice was partly credited (10 %); paid invoices were paid, less any credit, between issue and due date.
  const credited = (i: number) => hash32(seed, i, 62) % 5 === 0;
  const creditNote = (i: number) => {
    const { issuedAt, dueAt } = invoiceDates(i);
    return creditNoteFor(invoice(i), 10, new Date(issuedAt.getTime() + Math.floor((dueAt.getTime() - issuedAt.getTime()) / 4)));
  };
  const payment = (i: number) => {
    const inv = invoice(i);
    const { issuedAt, dueAt } = invoiceDates(i);
    const owed = credited(i) ? Math.round(Number(inv.total) * 100) - Math.round(Number(creditNote(i).total) * 100) : Math.round(Number(inv.total) * 100);
    return paymentFor(inv, 1, new Date(issuedAt.getTime() + Math.floor((dueAt.getTime() - issuedAt.getTime()) * (0.5 + unit(seed, i, 61) / 2))), cents(owed));
  };
  const invoiced: number[] = [];
  const shipped: number[] = [];
  const open: number[] = [];
  const paid: number[] = [];
  const creditedPaid: number[] = [];
  for (let i = 0; i < LARGE_SIZES.orders; i++) {
    const s = statusOf(i);
    if (SHIPPED.has(s)) shipped.push(i);
    if (s === 'INVOICED') {
      invoiced.push(i);
      if (!invoiceDates(i).paid) open.push(i);
      else {
        paid.push(i);
        if (credited(i)) creditedPaid.push(i);
      }
    }
  }
  const invoicedIdx = Int32Array.from(invoiced);
  const shippedIdx = Int32Array.from(shipped);
  const openIdx = Int32Array.from(open);
  const paidIdx = Int32Array.from(paid);
  const creditedIdx = Int32Array.from(creditedPaid);
  const locateIn = (indices: Int32Array, prefix: string) => (key: string) => {
    const i = orderIndex(key, prefix);
    return i === undefined ? undefined : sortedIndexOf(indices, i);
  };

  return {
    categories: new ArrayTable('categories', categoryRecords()),
    exchangeRates: new ArrayTable('exchangeRates', exchangeRateRecords(referenceDate)),
    products: new LazyTable(N, product, productIndex),
    customers: new LazyTable(LARGE_SIZES.customers, customer, customerIndex),
    prices: new LazyTable(LARGE_SIZES.customers * per, price, priceIndex),
    stock: new LazyTable(N * wpp, stockRow, stockIndex),
    warehouses: new ArrayTable('warehouses', LARGE_WAREHOUSE_CODES.map((code, w) => warehouseRecord(code, WAREHOUSE_NAMES[w]))),
    contacts: new LazyTable(LARGE_SIZES.customers * LARGE_SIZES.contactsPerCustomer, contact, (key) => {
      const m = /^K(\d+)$/.exec(key);
      return m ? Number(m[1]) - 1 : undefined;
    }),
    orders: new LazyTable(LARGE_SIZES.orders, order, (key) => orderIndex(key, 'SO')),
    invoices: new LazyTable(invoicedIdx.length, (r) => invoice(invoicedIdx[r]), locateIn(invoicedIdx, 'INV')),
    deliveryNotes: new LazyTable(shippedIdx.length, (r) => deliveryNote(shippedIdx[r]), locateIn(shippedIdx, 'DN')),
    openItems: new LazyTable(openIdx.length, (r) => openItemFor(invoice(openIdx[r])), locateIn(openIdx, 'INV')),
    creditNotes: new LazyTable(creditedIdx.length, (r) => creditNote(creditedIdx[r]), locateIn(creditedIdx, 'CR')),
    payments: new LazyTable(paidIdx.length, (r) => payment(paidIdx[r]), (key) => {
      const m = /^PAY-(\d+)-1$/.exec(key);
      return m ? sortedIndexOf(paidIdx, Number(m[1]) - ORDER_BASE) : undefined;
    }),
  };
}
