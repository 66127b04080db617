import Decimal from 'decimal.js';
import { buildDemoDataset } from '@hub/demo-data';
import {
  ErpContactRecord, ErpCreditNoteRecord, ErpCustomerRecord, ErpDeliveryNoteRecord, ErpInvoiceRecord, ErpOpenItemRecord, ErpOrderRecord, ErpPaymentRecord,
  ErpPriceRecord, ErpProductRecord, ErpStockRecord, ErpAddress,
} from '@hub/erp-contract';
import { hashString, intBetween, isoDay, unit } from './random';
import { CARRIERS, CITIES, VAT_RATE_PERCENT, WAREHOUSE_NAMES, categoriesOfSku, categoryRecords, exchangeRateRecords } from './reference';
import { ArrayTable, ErpTables } from './tables';
import { catalogueExtras } from './catalogue-extras';
import { productTranslations } from './product-translations';
import { warehouseRecord } from './warehouses';
import { configurableProducts, configurablePrices } from './configurable-products';
import { logisticsOf } from './product-logistics';

const DAY = 86_400_000;
export const SMALL_WAREHOUSES = [
  { code: 'MAL', name: WAREHOUSE_NAMES[0] },
  { code: 'POZ', name: WAREHOUSE_NAMES[1] },
  { code: 'VLC', name: WAREHOUSE_NAMES[2] },
];

export function addresses(seed: number, n: number, name: string, country: string): { invoiceAddress: ErpAddress; deliveryAddresses: ErpAddress[] } {
  const cities = CITIES[country] ?? CITIES.SE;
  const address = (code: string, k: number, label: string): ErpAddress => {
    const [city, postalCode, street] = cities[k % cities.length];
    return { code, name: label, street: `${street} ${intBetween(1, 180, seed, n, k, 7)}`, postalCode, city, country };
  };
  const count = intBetween(1, 3, seed, n, 11);
  return {
    invoiceAddress: address('INV', 0, name),
    deliveryAddresses: Array.from({ length: count }, (_, k) => address(`D${k + 1}`, k, k === 0 ? name : `${name}, site ${k + 1}`)),
  };
}

export function phoneFor(seed: number, n: number, country: string): string | null {
  if (unit(seed, n, 31) < 0.2) return null;
  const prefix: Record<string, string> = { SE: '+46 70', PL: '+48 601', ES: '+34 612', EE: '+372 5', DE: '+49 151', NL: '+31 6', FI: '+358 40', DK: '+45 20', LT: '+370 6', CZ: '+420 601' };
  return `${prefix[country] ?? '+46 70'} ${intBetween(100, 999, seed, n, 32)} ${intBetween(1000, 9999, seed, n, 33)}`;
}

/** Packing a small order costs this much (in the order's currency); orders of FREE_PACKAGING_FROM or more are packed free. */
const PACKAGING_FEE = '4.90';
const FREE_PACKAGING_FROM = 250;

/**
 * The carrier data of a web order's delivery note: shipped to the order's delivery address, 800 g
 * per unit packed (within a parcel's 31.5 kg), cash on delivery (the gross total) for customers
 * with 0 payment-term days, and a packaging fee on small orders.
 */
export function parcelDataFor(order: ErpOrderRecord, customer: ErpCustomerRecord, taxRatePercent: Decimal.Value): Pick<ErpDeliveryNoteRecord, 'shipTo' | 'weightGrams' | 'codAmount' | 'packagingFee' | 'currency'> {
  const shipTo = customer.deliveryAddresses.find((a) => a.code === order.deliveryAddressCode) ?? customer.deliveryAddresses[0] ?? customer.invoiceAddress;
  const units = order.lines.reduce((sum, l) => sum + Math.max(1, Math.ceil(Number(l.quantity))), 0);
  const net = new Decimal(order.total);
  const gross = net.plus(net.mul(taxRatePercent).div(100).toDecimalPlaces(2));
  return {
    shipTo,
    weightGrams: Math.min(31_500, 800 * units),
    codAmount: customer.paymentTermsDays === 0 ? gross.toFixed(2) : null,
    packagingFee: net.lessThan(FREE_PACKAGING_FROM) ? PACKAGING_FEE : '0.00',
    currency: order.currency,
  };
}

export function deliveryNoteFor(order: ErpOrderRecord, seed: number, shippedAt: Date, deliveredAt: Date | null): ErpDeliveryNoteRecord {
  const h = hashString(order.orderNumber);
  const digits = order.orderNumber.replace(/^SO-/, '');
  return {
    deliveryNumber: `DN-${digits}`,
    customerNumber: order.customerNumber,
    orderNumber: order.orderNumber,
    // The ERP keeps the hub's order id with the order, and prints it on the order's documents.
    hubOrderId: order.hubOrderId,
    shippedAt: shippedAt.toISOString(),
    deliveredAt: deliveredAt ? deliveredAt.toISOString() : null,
    carrier: CARRIERS[h % CARRIERS.length],
    trackingNumber: `TRK${String(intBetween(0, 999_999_999, seed, h, 41)).padStart(10, '0')}`,
    lines: order.lines.map((l) => {
      const units = Number(l.quantity);
      // Tracked items carry one serial number per unit (whole units only, as the warehouse scans them).
      if (!isSerialTracked(l.sku) || !Number.isInteger(units) || units < 1 || units > 500) return { lineNo: l.lineNo, sku: l.sku, quantity: l.quantity };
      const serialNumbers = Array.from({ length: units }, (_, i) => `SN${digits}${String(l.lineNo).padStart(2, '0')}${String(i + 1).padStart(3, '0')}`);
      return { lineNo: l.lineNo, sku: l.sku, quantity: l.quantity, serialNumbers };
    }),
  };
}

/** The demo ERP tracks about one item in five by serial number (tools and machines, say); which ones follows from the SKU. */
export function isSerialTracked(sku: string): boolean {
  return hashString(`serial:${sku}`) % 5 === 0;
}

/**
 * The manufacturer's warranty of a product, in months: tracked items (tools and machines) mostly 24,
 * some 12 or 36; of the rest (consumables, accessories) most have none and some 12.
 */
export function warrantyMonthsOf(sku: string): number | null {
  const h = hashString(`warranty:${sku}`) % 10;
  if (isSerialTracked(sku)) return h < 6 ? 24 : h < 8 ? 12 : 36;
  return h < 7 ? null : 12;
}

export function openItemFor(invoice: ErpInvoiceRecord): ErpOpenItemRecord {
  return {
    documentNumber: invoice.invoiceNumber,
    customerNumber: invoice.customerNumber,
    documentType: 'INVOICE',
    dueDate: invoice.dueAt.slice(0, 10),
    amount: invoice.total,
    openAmount: invoice.openAmount,
    currency: invoice.currency,
  };
}

/** The n-th payment (1, 2, ...) against an invoice: PAY-<digits>-<n>. */
export function paymentFor(invoice: ErpInvoiceRecord, n: number, paidAt: Date, amount: string): ErpPaymentRecord {
  return {
    paymentNumber: `PAY-${invoice.invoiceNumber.replace(/^INV-/, '')}-${n}`,
    customerNumber: invoice.customerNumber,
    invoiceNumber: invoice.invoiceNumber,
    paidAt: paidAt.toISOString(),
    currency: invoice.currency,
    amount,
  };
}

/** A credit note for a share (percent) of an invoice, e.g. goods returned or a late-delivery discount. */
export function creditNoteFor(invoice: ErpInvoiceRecord, percent: number, issuedAt: Date): ErpCreditNoteRecord {
  const net = new Decimal(invoice.netTotal).mul(percent).div(100).toDecimalPlaces(2);
  const tax = new Decimal(invoice.taxTotal).mul(percent).div(100).toDecimalPlaces(2);
  return {
    // CR-: the returns' credit notes are CN-<return number>.
    creditNoteNumber: `CR-${invoice.invoiceNumber.replace(/^INV-/, '')}`,
    customerNumber: invoice.customerNumber,
    invoiceNumber: invoice.invoiceNumber,
    issuedAt: issuedAt.toISOString(),
    currency: invoice.currency,
    netTotal: net.toFixed(2),
    taxTotal: tax.toFixed(2),
    total: net.plus(tax).toFixed(2),
  };
}

/**
 * The credit notes and payments behind the paid invoices: every fifth paid invoice was partly
 * credited (10 %) and the rest paid; the others were paid in full, between issue and due date (never
 * after the reference date). What the customer owes stays the open invoices' sum.
 */
export function settlementsOf(invoices: readonly ErpInvoiceRecord[], seed: number, referenceDate: Date): { creditNotes: ErpCreditNoteRecord[]; payments: ErpPaymentRecord[] } {
  const creditNotes: ErpCreditNoteRecord[] = [];
  const payments: ErpPaymentRecord[] = [];
  const latest = referenceDate.getTime() - 3_600_000;
  invoices.forEach((invoice, i) => {
    if (invoice.status !== 'PAID') return;
    const issued = new Date(invoice.issuedAt).getTime();
    const span = Math.max(0, Math.min(new Date(invoice.dueAt).getTime(), latest) - issued);
    let owed = new Decimal(invoice.total);
    if (hashString(invoice.invoiceNumber) % 5 === 0) {
      const note = creditNoteFor(invoice, 10, new Date(issued + Math.floor(span / 4)));
      creditNotes.push(note);
      owed = owed.minus(note.total);
    }
    const paidAt = new Date(issued + Math.floor(span * (0.5 + unit(seed, i, 71) / 2)));
    payments.push(paymentFor(invoice, 1, paidAt, owed.toFixed(2)));
  });
  return { creditNotes, payments };
}

/** The demo dataset (`buildDemoDataset`) as the ERP holds it, plus what only an ERP knows (stock, addresses, price rules). */
export function buildSmallTables(seed: number, referenceDate: Date): ErpTables {
  const data = buildDemoDataset(referenceDate);
  const companyById = new Map(data.companies.map((c) => [c.id, c]));
  const productById = new Map(data.products.map((p) => [p.id, p]));
  const orderById = new Map(data.orders.map((o) => [o.id, o]));

  const products: ErpProductRecord[] = data.products.map((p, i) => ({
    sku: p.sku,
    name: p.name,
    description: p.description,
    unit: p.unit,
    listPrice: p.listPrice,
    currency: p.currency,
    minStock: String(intBetween(1, 6, seed, i, 1) * 5),
    categoryCodes: categoriesOfSku(p.sku),
    active: true,
    minOrderQuantity: String(p.minOrderQuantity),
    translations: productTranslations(p.sku, p.name),
    warrantyMonths: warrantyMonthsOf(p.sku),
    ...catalogueExtras(seed, i, p.sku, (k) => {
      const other = data.products[i + k];
      return other && other.sku.slice(0, 2) === p.sku.slice(0, 2) ? other.sku : null;
    }, false),
  }));
  // Configurable items (P7) after the dataset's, so every dataset item keeps its position.
  products.push(...configurableProducts());
  // Weight, volume and packing from the item master (O12).
  for (const p of products) Object.assign(p, logisticsOf(p.sku));
  // The web assortment: three items only for signed-in customers, three only for wholesalers.
  [11, 47, 95].forEach((i) => (products[i].webAssortment = ['CUSTOMERS']));
  [23, 71, 131].forEach((i) => (products[i].webAssortment = ['WHOLESALE']));

  const prices: ErpPriceRecord[] = data.customerPrices.map((cp) => {
    const customerNumber = companyById.get(cp.companyId)!.erpNumber;
    const sku = productById.get(cp.productId)!.sku;
    return { key: `C:${customerNumber}:${sku}:1`, sku, customerNumber, customerGroup: null, minQuantity: '1', price: cp.price, currency: cp.currency, validFrom: null, validTo: null, promotion: false };
  });
  // A few list-price quantity breaks, customer-group prices and dated promotions.
  // On items no demo order uses, so that the demo orders' prices stay the customer or list price.
  const ordered = new Set(data.orders.flatMap((o) => o.lines.map((l) => l.productId)));
  const unordered = data.products.filter((p) => !ordered.has(p.id));
  const base = (k: number) => unordered[(k * 37) % unordered.length];
  for (let k = 0; k < 4; k++) {
    const p = base(k);
    for (const [qty, factor] of [['10', '0.95'], ['50', '0.90']] as const) {
      prices.push({ key: `L:${p.sku}:${qty}`, sku: p.sku, customerNumber: null, customerGroup: null, minQuantity: qty, price: new Decimal(p.listPrice).mul(factor).toFixed(2), currency: p.currency, validFrom: null, validTo: null, promotion: false });
    }
  }
  for (let k = 4; k < 8; k++) {
    const p = base(k);
    prices.push({ key: `G:WHOLESALE:${p.sku}:1`, sku: p.sku, customerNumber: null, customerGroup: 'WHOLESALE', minQuantity: '1', price: new Decimal(p.listPrice).mul('0.88').toFixed(2), currency: p.currency, validFrom: null, validTo: null, promotion: false });
  }
  for (let k = 8; k < 12; k++) {
    const p = base(k);
    const from = new Date(referenceDate.getTime() + (k - 10) * 7 * DAY);
    prices.push({ key: `PROMO:${p.sku}:${k - 7}`, sku: p.sku, customerNumber: null, customerGroup: null, minQuantity: '1', price: new Decimal(p.listPrice).mul('0.80').toFixed(2), currency: p.currency, validFrom: isoDay(from), validTo: isoDay(new Date(from.getTime() + 21 * DAY)), promotion: true });
  }

  prices.push(...configurablePrices());

  const stock: ErpStockRecord[] = [];
  SMALL_WAREHOUSES.forEach((wh, w) => {
    products.forEach((p, i) => {
      const onHand = unit(seed, i, w, 51) < 0.1 ? 0 : intBetween(0, 400, seed, i, w, 52);
      const reserved = Math.min(onHand, intBetween(0, 20, seed, i, w, 53));
      const low = onHand - reserved < Number(p.minStock);
      stock.push({
        key: `${wh.code}:${p.sku}`, warehouseCode: wh.code, warehouseName: wh.name, sku: p.sku, onHand: String(onHand), reserved: String(reserved),
        nextReceiptDate: low ? isoDay(new Date(referenceDate.getTime() + intBetween(3, 21, seed, i, w, 54) * DAY)) : null,
        nextReceiptQuantity: low ? String(intBetween(5, 50, seed, i, w, 55) * 10) : null,
      });
    });
  });

  const orders: ErpOrderRecord[] = data.orders.map((o) => ({
    orderNumber: o.number,
    hubOrderId: null,
    customerNumber: companyById.get(o.companyId)!.erpNumber,
    status: o.status,
    placedAt: o.placedAt.toISOString(),
    currency: o.currency,
    total: o.total,
    lines: o.lines.map((l) => ({ lineNo: l.lineNo, sku: l.sku, quantity: String(l.quantity), unitPrice: l.unitPrice, lineTotal: l.lineTotal })),
  }));
  const orderByNumber = new Map(orders.map((o) => [o.orderNumber, o]));

  const invoices: ErpInvoiceRecord[] = data.invoices.map((inv) => {
    const order = orderById.get(inv.orderId)!;
    const tax = new Decimal(inv.total).minus(order.total);
    return {
      invoiceNumber: inv.number,
      customerNumber: companyById.get(inv.companyId)!.erpNumber,
      orderNumber: order.number,
      hubOrderId: null,
      issuedAt: inv.issuedAt.toISOString(),
      dueAt: inv.dueAt.toISOString(),
      currency: inv.currency,
      netTotal: order.total,
      taxTotal: tax.toFixed(2),
      total: inv.total,
      openAmount: inv.status === 'PAID' ? '0.00' : inv.total,
      status: inv.status,
      digitallySigned: inv.digitallySigned,
    };
  });

  const deliveryNotes: ErpDeliveryNoteRecord[] = orders
    .filter((o) => o.status === 'SHIPPED' || o.status === 'DELIVERED' || o.status === 'INVOICED')
    .map((o) => {
      const h = hashString(o.orderNumber);
      const shippedAt = new Date(new Date(o.placedAt).getTime() + intBetween(1, 3, seed, h, 61) * DAY);
      const deliveredAt = o.status === 'SHIPPED' ? null : new Date(shippedAt.getTime() + intBetween(1, 2, seed, h, 62) * DAY);
      return deliveryNoteFor(orderByNumber.get(o.orderNumber)!, seed, shippedAt, deliveredAt);
    });

  const openItems = invoices.filter((i) => i.status === 'OPEN').map(openItemFor);
  const { creditNotes, payments } = settlementsOf(invoices, seed, referenceDate);

  const customers: ErpCustomerRecord[] = data.companies.map((c, i) => {
    const balance = invoices.filter((inv) => inv.customerNumber === c.erpNumber).reduce((sum, inv) => sum.plus(inv.openAmount), new Decimal(0));
    return {
      customerNumber: c.erpNumber,
      name: c.name,
      currency: c.currency,
      country: c.country,
      customerGroup: i % 2 === 0 ? 'WHOLESALE' : 'RETAIL',
      // Room for the ERP's own open orders (the hub's hold rules count them against the limit) and for the web's.
      creditLimit: i % 2 === 0 ? '250000.00' : '150000.00',
      balance: balance.toFixed(2),
      blocked: false,
      paymentTermsDays: 30,
      taxRatePercent: String(VAT_RATE_PERCENT),
      ...addresses(seed, i, c.name, c.country),
    };
  });

  const contacts: ErpContactRecord[] = data.users
    .filter((u) => u.kind === 'CUSTOMER')
    .map((u, i) => {
      const company = companyById.get(u.companyId!)!;
      return { contactNumber: `K${i + 1}`, customerNumber: company.erpNumber, name: u.name, email: u.email, phone: phoneFor(seed, i, company.country) };
    });

  return {
    categories: new ArrayTable('categories', categoryRecords()),
    products: new ArrayTable('products', products),
    prices: new ArrayTable('prices', prices),
    stock: new ArrayTable('stock', stock),
    warehouses: new ArrayTable('warehouses', SMALL_WAREHOUSES.map((w) => warehouseRecord(w.code, w.name))),
    exchangeRates: new ArrayTable('exchangeRates', exchangeRateRecords(referenceDate)),
    customers: new ArrayTable('customers', customers),
    contacts: new ArrayTable('contacts', contacts),
    orders: new ArrayTable('orders', orders),
    invoices: new ArrayTable('invoices', invoices),
    deliveryNotes: new ArrayTable('deliveryNotes', deliveryNotes),
    openItems: new ArrayTable('openItems', openItems),
    creditNotes: new ArrayTable('creditNotes', creditNotes),
    payments: new ArrayTable('payments', payments),
  };
}
