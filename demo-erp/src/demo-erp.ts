import { createHash, randomBytes, randomInt } from 'node:crypto';
import Decimal from 'decimal.js';
import {
  ErpContactRecord, ErpCustomerReceipt, ErpCustomerRecord, ErpDocumentKind, ErpInvoiceRecord, ErpOrderLine, ErpOrderReceipt, ErpOrderRecord, ErpPaymentRecord,
  ErpBlanketOrderRecord, ErpOrderStatus, ErpPaymentReceipt, ErpPickupReceipt, ErpRecordOf, ErpRecordsByKind, ErpReturnReceipt, ErpServiceOrderReceipt, ErpServiceOrderRecord, ErpStockRecord, SyncKind, recordKey, ErpProductConfigurationRecord, PUBLIC_SHOP_CUSTOMER_NUMBER,
  ErpDropShipAssignmentReceipt, ErpDropShipmentReceipt, ErpDropShipOrderRecord, ErpPurchaseOrderConfirmationReceipt, ErpPurchaseOrderReceipt, ErpPurchaseOrderRecord,
} from '@hub/erp-contract';
import { ErpState } from './erp-state';
import { buildLargeTables, LARGE_WAREHOUSE_CODES } from './large-data';
import { ErpCreditNote, ErpDocuments, signsDocumentsFor } from './erp-documents';
import { renderDocument } from './printed-document';
import { TickRandom, isoDay } from './random';
import { demoReferenceDate } from '@hub/demo-data';
import { DEFAULT_SEED, SUPPLIER_NUMBERS, VAT_RATE_PERCENT } from './reference';
import { buildSmallTables, deliveryNoteFor, openItemFor, parcelDataFor, paymentFor, SMALL_WAREHOUSES } from './small-data';
import { BaseTable, ErpTables } from './tables';
import { productConfigurationRecords } from './configurable-products';
import { demoBlanketOrders } from './blanket-orders';

export type DemoErpScale = 'small' | 'large';

/** The receipt for a document of an extension collection. */
export interface ErpExtensionReceipt {
  documentNumber: string;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const DELIVERED_ORDER_STEPS: Partial<Record<ErpOrderStatus, ErpOrderStatus>> = { CONFIRMED: 'PICKED', PICKED: 'SHIPPED', SHIPPED: 'DELIVERED', DELIVERED: 'INVOICED' };
/** An order collected in a store waits READY_FOR_PICKUP until the store hands it over (submitPickup); then it is invoiced. */
const PICKUP_ORDER_STEPS: Partial<Record<ErpOrderStatus, ErpOrderStatus>> = { CONFIRMED: 'PICKED', PICKED: 'READY_FOR_PICKUP', COLLECTED: 'INVOICED' };

/** The status the ERP moves an order to next, or undefined when it waits (for the customer, or forever). */
function nextStatus(order: Pick<ErpOrderRecord, 'status' | 'pickupStoreCode'>): ErpOrderStatus | undefined {
  return (order.pickupStoreCode ? PICKUP_ORDER_STEPS : DELIVERED_ORDER_STEPS)[order.status];
}
/** The workshop's steps: a service order waits for the goods, then is received, repaired, shipped back and closed. */
const NEXT_SERVICE_STATUS: Partial<Record<ErpServiceOrderRecord['status'], ErpServiceOrderRecord['status']>> = {
  AWAITING_GOODS: 'RECEIVED', RECEIVED: 'IN_REPAIR', IN_REPAIR: 'REPAIRED', REPAIRED: 'SHIPPED_BACK', SHIPPED_BACK: 'CLOSED',
};
/** What the workshop finds and replaces, chosen per serial number. */
const DIAGNOSES = [
  { finding: 'Motor brushes worn down; commutator clean.', part: 'BRUSH-SET-A', quantity: '1', hours: '0.75' },
  { finding: 'Switch contacts burnt; intermittent start.', part: 'SWITCH-230V', quantity: '1', hours: '0.50' },
  { finding: 'Gearbox bearing noisy under load.', part: 'BEARING-6201', quantity: '2', hours: '1.25' },
  { finding: 'Battery contacts corroded; charging interrupted.', part: 'CONTACT-PLATE', quantity: '1', hours: '0.50' },
];
const SERVICE_STATUS_TEXT: Record<string, string> = {
  RECEIVED: 'Goods received at the workshop.', IN_REPAIR: 'In repair.', REPAIRED: 'Repaired and tested.', SHIPPED_BACK: 'Shipped back to the customer.', CLOSED: 'Service order closed.',
};
const DECIMAL = /^\d{1,12}(\.\d{1,6})?$/;
/** Days from the order to its delivery when the goods are in stock; back orders wait for their receipt. */
const DELIVERY_DAYS = 2;
const BACK_ORDER_DAYS = 14;
/** Days a supplier takes to ship a drop-ship line to the customer. */
const DROP_SHIP_DAYS = 4;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The generated base data of the demo ERP at a scale; row i of every kind is a pure function of (scale, seed, i). */
export function buildDemoErpTables(scale: DemoErpScale, seed: number = DEFAULT_SEED, referenceDate: Date = demoReferenceDate()): ErpTables {
  if (scale === 'small') return buildSmallTables(seed, referenceDate);
  if (scale === 'large') return buildLargeTables(seed, referenceDate);
  throw new Error(`unknown demo ERP scale ${String(scale)}`);
}

/** The outcome of a push: an HTTP status and a JSON body. */
export interface PushResult<T> {
  status: 201 | 200 | 400 | 409 | 422;
  body: T | { error: string };
  /** True when this request stored the document (201) or replayed a stored one (200). */
  stored: boolean;
}

interface Accepted<T> {
  fingerprint: string;
  receipt: T;
  accepted: number;
}

class KeySet {
  private readonly list: string[] = [];
  private readonly index = new Map<string, number>();

  add(key: string): void {
    if (this.index.has(key)) return;
    this.index.set(key, this.list.length);
    this.list.push(key);
  }

  delete(key: string): void {
    const i = this.index.get(key);
    if (i === undefined) return;
    const last = this.list.pop()!;
    if (last !== key) {
      this.list[i] = last;
      this.index.set(last, i);
    }
    this.index.delete(key);
  }

  snapshot(): string[] {
    return [...this.list];
  }

  has(key: string): boolean {
    return this.index.has(key);
  }

  get size(): number {
    return this.list.length;
  }
}

class InvalidInput extends Error {}

/** A payment the ERP refuses (more than is open, not a positive amount). */
export class InvalidPayment extends Error {}

function fingerprint(value: unknown): string {
  const canonical = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canonical);
    if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, canonical((v as any)[k])]));
    return v;
  };
  return createHash('sha256').update(JSON.stringify(canonical(value))).digest('hex');
}

function requireString(value: unknown, field: string, pattern?: RegExp): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > 500) throw new InvalidInput(`${field} must be a non-empty string`);
  if (pattern && !pattern.test(value)) throw new InvalidInput(`${field} is not valid: ${value}`);
  return value;
}

function requireDecimal(value: unknown, field: string, positive: boolean): Decimal {
  if (typeof value !== 'string' || !DECIMAL.test(value)) throw new InvalidInput(`${field} must be a decimal string`);
  const d = new Decimal(value);
  if (positive && d.lte(0)) throw new InvalidInput(`${field} must be greater than zero`);
  return d;
}

function requireLines(value: unknown): any[] {
  if (!Array.isArray(value) || value.length === 0) throw new InvalidInput('lines must be a non-empty array');
  if (value.length > 1000) throw new InvalidInput('too many lines');
  const seen = new Set<number>();
  value.forEach((line, n) => {
    if (!line || typeof line !== 'object') throw new InvalidInput(`line ${n + 1} must be an object`);
    if (!Number.isInteger(line.lineNo) || line.lineNo < 1) throw new InvalidInput(`line ${n + 1}: lineNo must be a positive integer`);
    if (seen.has(line.lineNo)) throw new InvalidInput(`duplicate lineNo ${line.lineNo}`);
    seen.add(line.lineNo);
  });
  return value;
}

/** The discount lines of an order submission: a reference, a description and a positive amount each. */
function requireDiscounts(value: unknown): Array<{ reference: string; description: string; amount: Decimal }> {
  if (!Array.isArray(value) || value.length > 20) throw new InvalidInput('discounts must be an array of at most 20 lines');
  return value.map((d, n) => {
    if (!d || typeof d !== 'object') throw new InvalidInput(`discount ${n + 1} must be an object`);
    return { reference: requireString(d.reference, `discount ${n + 1}: reference`), description: requireString(d.description, `discount ${n + 1}: description`), amount: requireDecimal(d.amount, `discount ${n + 1}: amount`, true) };
  });
}

/**
 * A simulated ERP: its data (base tables + change log), the changes it makes over time
 * (`advance`), the documents it accepts with idempotency keys, and its printable documents.
 */
export class DemoErp {
  readonly state: ErpState;
  ticks = 0;
  private readonly rnd: TickRandom;
  private readonly activeOrders = new KeySet();
  private readonly openInvoices = new KeySet();
  /** Invoices of the hub's orders: paid on the step after they were issued, so a web order's whole life plays out. */
  private readonly hubInvoicesToPay = new KeySet();
  private readonly orders = new Map<string, Accepted<ErpOrderReceipt>>();
  private readonly customers = new Map<string, Accepted<ErpCustomerReceipt>>();
  private readonly returns = new Map<string, Accepted<ErpReturnReceipt>>();
  private readonly pickups = new Map<string, Accepted<ErpPickupReceipt>>();
  /** Documents pushed into collections the contract does not name (a deployment's own modules), per collection. */
  private readonly documents = new Map<string, Map<string, Accepted<ErpExtensionReceipt>>>();
  private readonly serviceOrders = new Map<string, Accepted<ErpServiceOrderReceipt>>();
  private readonly purchaseOrders = new Map<string, Accepted<ErpPurchaseOrderReceipt>>();
  private readonly purchaseOrderConfirmations = new Map<string, Accepted<ErpPurchaseOrderConfirmationReceipt>>();
  private readonly dropShipAssignmentPushes = new Map<string, Accepted<ErpDropShipAssignmentReceipt>>();
  private readonly dropShipments = new Map<string, Accepted<ErpDropShipmentReceipt>>();
  /** Product group (a web category code) → the supplier that ships its products straight to the customer. */
  private readonly dropShipSuppliers = new Map<string, string>();
  /** Drop-ship order → the sales order and lines it carries (kept inside the ERP: the supplier's record does not show them). */
  private readonly dropShipOrigins = new Map<string, { lineNos: number[]; orderNumber: string }>();
  /** Card payments the hub took for open invoices, by idempotency key. */
  private readonly paymentsIn = new Map<string, Accepted<ErpPaymentReceipt>>();
  /** Service orders the workshop has not closed yet, by number: each tick moves them one step. */
  private readonly activeServiceOrders = new KeySet();
  private readonly returned = new Map<string, Decimal>();
  /** Credit notes for the returns it accepted, by number. */
  private readonly creditNotes = new Map<string, ErpCreditNote>();
  private readonly counters = { orderReplays: 0, orderConflicts: 0, orderRejections: 0, customerReplays: 0, customerConflicts: 0, customerRejections: 0, returnReplays: 0, returnConflicts: 0, returnRejections: 0, pickupReplays: 0, pickupConflicts: 0, pickupRejections: 0, serviceOrderReplays: 0, serviceOrderConflicts: 0, serviceOrderRejections: 0, purchaseOrderReplays: 0, purchaseOrderConflicts: 0, purchaseOrderRejections: 0, purchaseOrderConfirmationReplays: 0, purchaseOrderConfirmationConflicts: 0, purchaseOrderConfirmationRejections: 0, dropShipAssignmentReplays: 0, dropShipAssignmentConflicts: 0, dropShipAssignmentRejections: 0, dropShipmentReplays: 0, dropShipmentConflicts: 0, dropShipmentRejections: 0, paymentReplays: 0, paymentConflicts: 0, paymentRejections: 0, documentReplays: 0, documentConflicts: 0, documentRejections: 0 };
  private nextOrder = 900_001;
  private nextCustomer = 900_001;
  private nextContact: number;
  private nextReturn = 700_001;
  private nextServiceOrder = 800_001;
  private nextPurchaseOrder = 400_001;
  private nextDropShipOrder = 600_001;

  constructor(
    readonly scale: DemoErpScale,
    readonly seed: number = DEFAULT_SEED,
    epoch: string = randomBytes(6).toString('hex'),
    /** The time the ERP's own changes happen at (shipping, invoicing, rates). */
    private readonly clock: () => Date = () => new Date(),
  ) {
    const tables = buildDemoErpTables(scale, seed);
    this.state = new ErpState(tables, epoch);
    this.rnd = new TickRandom(seed ^ 0x5eed);
    this.nextContact = tables.contacts.size + 1;
    for (let i = 0; i < tables.orders.size; i++) {
      const o = tables.orders.at(i);
      if (nextStatus(o)) this.activeOrders.add(o.orderNumber);
    }
    for (let i = 0; i < tables.invoices.size; i++) {
      const inv = tables.invoices.at(i);
      if (inv.status === 'OPEN') this.openInvoices.add(inv.invoiceNumber);
    }
    // The configurations of the configurable items this ERP sells (an extension kind: no base table).
    for (const configuration of productConfigurationRecords()) if (this.state.get('products', configuration.sku)) this.state.upsert('productConfigurations', configuration);
    // Blanket orders (an extension kind): agreements of the first four customers.
    const customers = Array.from({ length: Math.min(4, tables.customers.size) }, (_, i) => tables.customers.at(i));
    const products = Array.from({ length: Math.min(200, tables.products.size) }, (_, i) => tables.products.at(i));
    for (const blanket of demoBlanketOrders(customers, products, seed, demoReferenceDate())) this.state.upsert('blanketOrders', blanket);
  }

  // ---- explicit record changes (admin) -------------------------------------------------------

  upsertRecord<K extends string>(kind: K, record: ErpRecordOf<K>): number {
    const version = this.state.upsert(kind, record);
    this.track(kind, recordKey(kind, record));
    return version;
  }

  deleteRecord(kind: string, key: string): number | null {
    const version = this.state.delete(kind, key);
    this.track(kind, key);
    return version;
  }

  private track(kind: string, key: string): void {
    if (kind === 'orders') {
      const o = this.state.get('orders', key);
      if (o && nextStatus(o)) this.activeOrders.add(key);
      else this.activeOrders.delete(key);
    } else if (kind === 'invoices') {
      const inv = this.state.get('invoices', key);
      if (inv && inv.status === 'OPEN') this.openInvoices.add(key);
      else this.openInvoices.delete(key);
    }
  }

  // ---- changes over time ---------------------------------------------------------------------

  advance(steps: number): void {
    for (let s = 0; s < steps; s++) this.tick();
  }

  /**
   * Moves one order on by `steps` statuses (shipping, delivering, invoicing it, then paying a hub
   * order's invoice), touching nothing else: for a test or a demo that follows one order.
   * Returns the order's status afterwards, or undefined when the ERP has no such order.
   */
  advanceOrder(orderNumber: string, steps: number): ErpOrderStatus | undefined {
    for (let s = 0; s < steps; s++) {
      const order = this.state.get('orders', orderNumber);
      if (!order) return undefined;
      if (nextStatus(order)) this.progress(order, this.clock());
      else if (this.hubInvoicesToPay.has(`INV-${orderNumber.replace(/^SO-/, '')}`)) {
        const invoiceNumber = `INV-${orderNumber.replace(/^SO-/, '')}`;
        this.hubInvoicesToPay.delete(invoiceNumber);
        this.pay(invoiceNumber);
      }
    }
    return this.state.get('orders', orderNumber)?.status;
  }

  private pickBase<K extends SyncKind>(kind: K): ErpRecordsByKind[K] | undefined {
    const table = this.state.tables[kind] as BaseTable<ErpRecordsByKind[K]>;
    if (table.size === 0) return undefined;
    const key = recordKey(kind, table.at(this.rnd.int(0, table.size - 1)));
    return this.state.get(kind, key) as ErpRecordsByKind[K] | undefined;
  }

  private tick(): void {
    this.ticks++;
    const now = this.clock();
    const { prices, stock } = this.state.tables;

    for (const key of this.hubInvoicesToPay.snapshot()) {
      this.hubInvoicesToPay.delete(key);
      this.pay(key);
    }

    for (let k = Math.max(3, Math.round(prices.size / 20_000)); k > 0; k--) {
      const price = this.pickBase('prices');
      if (!price) continue;
      const percent = this.rnd.int(1, 5) * (this.rnd.chance(0.5) ? 1 : -1);
      const next = Decimal.max(new Decimal(price.price).mul(100 + percent).div(100), '0.01');
      this.upsertRecord('prices', { ...price, price: next.toFixed(2) });
    }

    for (let k = Math.max(5, Math.round(stock.size / 4_000)); k > 0; k--) {
      const row = this.pickBase('stock');
      if (!row) continue;
      const onHand = Math.max(0, Math.round(Number(row.onHand)) + this.rnd.int(-30, 50));
      const reserved = Math.min(onHand, Math.round(Number(row.reserved)));
      this.upsertRecord('stock', { ...row, onHand: String(onHand), reserved: String(reserved) });
    }

    if (this.rnd.chance(0.3)) {
      const rate = this.pickBase('exchangeRates');
      if (rate) {
        const factor = 1 + (this.rnd.next() - 0.5) / 100;
        this.upsertRecord('exchangeRates', { ...rate, rate: new Decimal(rate.rate).mul(factor).toFixed(4), date: isoDay(now) });
      }
    }

    // Orders from the hub move one step per tick; the ERP's own orders now and then.
    const progressChance = Math.min(0.15, 25 / Math.max(1, this.activeOrders.size));
    for (const key of this.activeOrders.snapshot()) {
      const order = this.state.get('orders', key);
      if (!order || !nextStatus(order)) {
        this.activeOrders.delete(key);
        continue;
      }
      if (order.hubOrderId !== null || this.rnd.chance(progressChance)) this.progress(order, now);
    }

    // The workshop works through its service orders one step per tick.
    for (const number of this.activeServiceOrders.snapshot()) this.advanceServiceOrder(number, 1);

    const payChance = Math.min(0.1, 5 / Math.max(1, this.openInvoices.size));
    for (const key of this.openInvoices.snapshot()) {
      // The hub's invoices are paid on their own schedule (above).
      if (!this.hubInvoicesToPay.has(key) && this.rnd.chance(payChance)) this.pay(key);
    }
  }

  private progress(order: ErpOrderRecord, now: Date): void {
    const status = nextStatus(order)!;
    const at = new Date(Math.max(now.getTime(), new Date(order.placedAt).getTime() + HOUR));
    const digits = order.orderNumber.replace(/^SO-/, '');
    // The code the customer shows at the counter: drawn at random, as nobody may guess it.
    const pickupCode = status === 'READY_FOR_PICKUP' ? String(randomInt(100_000, 1_000_000)) : order.pickupCode;
    this.upsertRecord('orders', { ...order, status, ...(pickupCode ? { pickupCode } : {}) });
    const dnKey = `DN-${digits}`;
    // Lines a supplier ships straight to the customer leave on the supplier's own delivery note (submitDropShipment).
    const shipped = { ...order, lines: order.lines.filter((l) => !l.dropShipSupplierNumber) };
    if ((status === 'SHIPPED' || status === 'DELIVERED') && shipped.lines.length === 0) return;
    if (status === 'SHIPPED' && !this.state.get('deliveryNotes', dnKey)) {
      // A web order goes by the hub's parcel carrier: its note says where to and what to collect.
      const customer = order.hubOrderId !== null ? this.state.get('customers', order.customerNumber) : undefined;
      const parcel = customer ? parcelDataFor(shipped, customer, customer.taxRatePercent ?? VAT_RATE_PERCENT) : {};
      this.upsertRecord('deliveryNotes', { ...deliveryNoteFor(shipped, this.seed, at, null), ...parcel });
    } else if (status === 'DELIVERED') {
      const dn = this.state.get('deliveryNotes', dnKey);
      if (!dn) this.upsertRecord('deliveryNotes', deliveryNoteFor(shipped, this.seed, at, at));
      else if (dn.deliveredAt === null) this.upsertRecord('deliveryNotes', { ...dn, deliveredAt: at.toISOString() });
    } else if (status === 'INVOICED') {
      const invoiceNumber = `INV-${digits}`;
      if (this.state.get('invoices', invoiceNumber)) return;
      const customer = this.state.get('customers', order.customerNumber);
      const net = new Decimal(order.total);
      const tax = net.mul(customer?.taxRatePercent ?? VAT_RATE_PERCENT).div(100).toDecimalPlaces(2);
      const total = net.plus(tax);
      const invoice: ErpInvoiceRecord = {
        invoiceNumber, customerNumber: order.customerNumber, orderNumber: order.orderNumber, hubOrderId: order.hubOrderId, issuedAt: at.toISOString(),
        dueAt: new Date(at.getTime() + (customer?.paymentTermsDays ?? 30) * DAY).toISOString(), currency: order.currency,
        netTotal: net.toFixed(2), taxTotal: tax.toFixed(2), total: total.toFixed(2), openAmount: total.toFixed(2), status: 'OPEN',
        digitallySigned: customer ? signsDocumentsFor(customer.country) : false,
      };
      this.upsertRecord('invoices', invoice);
      this.upsertRecord('openItems', openItemFor(invoice));
      if (order.hubOrderId !== null) this.hubInvoicesToPay.add(invoiceNumber);
      if (customer) this.upsertRecord('customers', { ...customer, balance: new Decimal(customer.balance).plus(total).toFixed(2) });
    }
  }

  private pay(invoiceNumber: string): void {
    const invoice = this.state.get('invoices', invoiceNumber);
    if (!invoice || invoice.status !== 'OPEN') {
      this.openInvoices.delete(invoiceNumber);
      return;
    }
    this.recordPayment(invoiceNumber, invoice.openAmount);
  }

  /**
   * Records a customer's payment against an open invoice, as the ERP's bookkeeping does: a payment
   * record, the invoice's open amount (PAID at zero), its open item, and the customer's balance.
   * Returns the payment, or undefined when there is no such open invoice. Amounts above what is
   * open are refused (InvalidPayment).
   */
  recordPayment(invoiceNumber: string, amount?: string): ErpPaymentRecord | undefined {
    const invoice = this.state.get('invoices', invoiceNumber);
    if (!invoice || invoice.status !== 'OPEN') return undefined;
    const open = new Decimal(invoice.openAmount);
    if (amount !== undefined && (typeof amount !== 'string' || !DECIMAL.test(amount) || new Decimal(amount).lte(0))) throw new InvalidPayment('amount must be a positive decimal string');
    const paid = amount === undefined ? open : new Decimal(amount);
    if (paid.gt(open)) throw new InvalidPayment(`amount ${paid.toFixed(2)} is more than the ${open.toFixed(2)} open on ${invoiceNumber}`);
    let n = 1;
    while (this.state.get('payments', `PAY-${invoiceNumber.replace(/^INV-/, '')}-${n}`)) n++;
    const payment = paymentFor(invoice, n, this.clock(), paid.toFixed(2));
    this.upsertRecord('payments', payment);
    const rest = open.minus(paid);
    if (rest.isZero()) {
      this.upsertRecord('invoices', { ...invoice, status: 'PAID', openAmount: '0.00' });
      this.deleteRecord('openItems', invoiceNumber);
    } else {
      const updated: ErpInvoiceRecord = { ...invoice, openAmount: rest.toFixed(2) };
      this.upsertRecord('invoices', updated);
      this.upsertRecord('openItems', openItemFor(updated));
    }
    const customer = this.state.get('customers', invoice.customerNumber);
    if (customer) {
      // Not clamped at zero: a customer with a credit note open owes less than its open invoices.
      this.upsertRecord('customers', { ...customer, balance: new Decimal(customer.balance).minus(paid).toFixed(2) });
    }
    return payment;
  }

  // ---- documents pushed by the hub -----------------------------------------------------------

  /**
   * A card payment the hub took for one of the customer's open invoices: booked like any payment
   * (recordPayment), once per key. An invoice of another customer, one not open, another currency
   * or more than is open is refused.
   */
  submitPayment(key: string | undefined, body: unknown): PushResult<ErpPaymentReceipt> {
    return this.accept(this.paymentsIn, key, body, 'payment', (b) => {
      requireString(b.hubPaymentId, 'hubPaymentId');
      const invoiceNumber = requireString(b.invoiceNumber, 'invoiceNumber');
      const invoice = this.state.get('invoices', invoiceNumber);
      const customerNumber = b.customerNumber === null || b.customerNumber === undefined ? invoice?.customerNumber : requireString(b.customerNumber, 'customerNumber');
      if (!invoice || invoice.customerNumber !== customerNumber) throw new InvalidInput(`unknown invoice ${invoiceNumber} for customer ${customerNumber}`);
      if (invoice.status !== 'OPEN') throw new InvalidInput(`invoice ${invoiceNumber} is ${invoice.status}`);
      if (requireString(b.currency, 'currency') !== invoice.currency) throw new InvalidInput(`invoice ${invoiceNumber} is in ${invoice.currency}, not ${b.currency}`);
      requireString(b.providerReference, 'providerReference');
      let payment: ErpPaymentRecord | undefined;
      try {
        payment = this.recordPayment(invoiceNumber, requireString(b.amount, 'amount'));
      } catch (error) {
        if (error instanceof InvalidPayment) throw new InvalidInput(error.message);
        throw error;
      }
      if (!payment) throw new InvalidInput(`invoice ${invoiceNumber} is not open`);
      return { paymentNumber: payment.paymentNumber, invoiceNumber };
    });
  }

  findPayment(key: string): ErpPaymentReceipt | undefined {
    return this.paymentsIn.get(key)?.receipt;
  }

  private accept<T>(
    store: Map<string, Accepted<T>>, key: string | undefined, body: unknown, kind: 'order' | 'customer' | 'return' | 'pickup' | 'serviceOrder' | 'purchaseOrder' | 'purchaseOrderConfirmation' | 'dropShipAssignment' | 'dropShipment' | 'payment' | 'document', create: (body: any) => T,
  ): PushResult<T> {
    if (typeof key !== 'string' || key.length === 0 || key.length > 200) return { status: 400, body: { error: 'the Idempotency-Key header is required' }, stored: false };
    const print = fingerprint(body);
    const existing = store.get(key);
    if (existing) {
      if (existing.fingerprint !== print) {
        this.counters[`${kind}Conflicts`]++;
        return { status: 409, body: { error: `idempotency key ${key} was used for a different ${kind}` }, stored: false };
      }
      this.counters[`${kind}Replays`]++;
      return { status: 200, body: existing.receipt, stored: true };
    }
    let receipt: T;
    try {
      if (!body || typeof body !== 'object' || Array.isArray(body)) throw new InvalidInput('the body must be a JSON object');
      receipt = create(body);
    } catch (e) {
      if (!(e instanceof InvalidInput)) throw e;
      this.counters[`${kind}Rejections`]++;
      return { status: 422, body: { error: e.message }, stored: false };
    }
    store.set(key, { fingerprint: print, receipt, accepted: 1 });
    return { status: 201, body: receipt, stored: true };
  }

  submitOrder(key: string | undefined, body: unknown): PushResult<ErpOrderReceipt> {
    return this.accept(this.orders, key, body, 'order', (b) => {
      const hubOrderId = requireString(b.hubOrderId, 'hubOrderId');
      const customerNumber = requireString(b.customerNumber, 'customerNumber');
      // The public shop's guests buy on the cash-sale account; the guest's name and address travel with the order.
      const customer = customerNumber === PUBLIC_SHOP_CUSTOMER_NUMBER ? this.cashSaleCustomer(b) : this.state.get('customers', customerNumber);
      if (!customer) throw new InvalidInput(`unknown customer ${b.customerNumber}`);
      if (customer.blocked) throw new InvalidInput(`customer ${customer.customerNumber} is blocked`);
      const placedAt = new Date(requireString(b.placedAt, 'placedAt'));
      if (Number.isNaN(placedAt.getTime())) throw new InvalidInput('placedAt must be an ISO 8601 date');
      const currency = requireString(b.currency, 'currency', /^[A-Z]{3}$/);
      if (b.deliveryAddressCode != null && !customer.deliveryAddresses.some((a) => a.code === b.deliveryAddressCode)) {
        throw new InvalidInput(`unknown delivery address ${String(b.deliveryAddressCode)}`);
      }
      if (b.pickupStoreCode != null) {
        if (b.deliveryAddressCode != null) throw new InvalidInput('an order is delivered or collected in a store, not both');
        const store = typeof b.pickupStoreCode === 'string' ? this.state.get('warehouses', b.pickupStoreCode) : undefined;
        if (!store?.isStore) throw new InvalidInput(`${String(b.pickupStoreCode)} is not a store orders can be collected in`);
      }
      if (b.customerReference != null && typeof b.customerReference !== 'string') throw new InvalidInput('customerReference must be a string');
      if (b.notes != null && typeof b.notes !== 'string') throw new InvalidInput('notes must be a string');
      let total = new Decimal(0);
      const ordered = requireLines(b.lines).map((l, n) => {
        const sku = requireString(l.sku, `line ${n + 1}: sku`);
        const product = this.state.get('products', sku);
        if (!product) throw new InvalidInput(`line ${l.lineNo}: unknown sku ${sku}`);
        if (!product.active) throw new InvalidInput(`line ${l.lineNo}: product ${sku} is not sold any more`);
        const quantity = requireDecimal(l.quantity, `line ${l.lineNo}: quantity`, true);
        const unitPrice = requireDecimal(l.unitPrice, `line ${l.lineNo}: unitPrice`, false);
        total = total.plus(quantity.mul(unitPrice).toDecimalPlaces(2));
        return { lineNo: l.lineNo as number, sku, quantity, unitPrice, configuration: this.lineConfiguration(l.lineNo, sku, l.configuration) };
      });
      // Discount lines (a code, a loyalty reward) come off the lines' value; never below zero.
      const discounts = b.discounts == null ? [] : requireDiscounts(b.discounts);
      const discount = discounts.reduce((sum, d) => sum.plus(d.amount), new Decimal(0));
      if (discount.gt(total)) throw new InvalidInput(`discounts of ${discount.toFixed(2)} are more than the lines' ${total.toFixed(2)}`);
      total = total.minus(discount);
      const blanket = b.blanketOrderNumber == null ? null : this.drawdownOf(b, customer.customerNumber, currency, placedAt, ordered);
      // The delivery the web shop charged: invoiced with the goods.
      let delivery: ErpOrderRecord['delivery'] = null;
      if (b.delivery != null) {
        const d = b.delivery;
        if (typeof d !== 'object' || !Number.isInteger(d.parcels) || d.parcels < 0 || !Number.isInteger(d.pallets) || d.pallets < 0) throw new InvalidInput('delivery needs whole parcels and pallets');
        if (d.method != null && typeof d.method !== 'string') throw new InvalidInput('delivery.method must be a string');
        const charge = requireDecimal(d.charge, 'delivery.charge', false);
        total = total.plus(charge);
        delivery = { method: d.method ?? null, parcels: d.parcels, pallets: d.pallets, charge: charge.toFixed(2) };
      }
      let orderNumber: string;
      do orderNumber = `SO-${this.nextOrder++}`;
      while (this.state.get('orders', orderNumber));
      const address = b.deliveryAddressCode != null ? customer.deliveryAddresses.find((a) => a.code === b.deliveryAddressCode)! : customer.deliveryAddresses[0] ?? customer.invoiceAddress;
      // Drop-shipped lines go whole to their supplier; the rest ship from stock (an order collected in a store has none).
      const dropShipped = b.pickupStoreCode == null ? this.routeDropShipLines(orderNumber, ordered, address) : [];
      const fromStock = ordered.filter((l) => !dropShipped.some((d) => d.lineNo === l.lineNo));
      const lines = [...this.splitLines(fromStock, this.clock(), Math.max(...ordered.map((l) => l.lineNo))), ...dropShipped].sort((x, y) => x.lineNo - y.lineNo);
      const deliveryDate = lines.reduce((latest, l) => (l.deliveryDate! > latest ? l.deliveryDate! : latest), lines[0].deliveryDate!);
      this.upsertRecord('orders', {
        orderNumber, hubOrderId, customerNumber: customer.customerNumber, status: 'CONFIRMED', placedAt: placedAt.toISOString(), currency, total: total.toFixed(2), lines,
        deliveryDate, deliveryAddressCode: (b.deliveryAddressCode as string | null | undefined) ?? null, customerReference: (b.customerReference as string | null | undefined) ?? null,
        pickupStoreCode: (b.pickupStoreCode as string | null | undefined) ?? null, pickupCode: null,
        ...(delivery ? { delivery } : {}),
        ...(discounts.length > 0 ? { discounts: discounts.map((d) => ({ reference: d.reference, description: d.description, amount: d.amount.toFixed(2) })) } : {}),
        ...(blanket ? { blanketOrderNumber: b.blanketOrderNumber as string } : {}),
      });
      if (blanket) this.upsertRecord('blanketOrders', blanket(orderNumber));
      return { orderNumber, status: 'CONFIRMED', deliveryDate };
    });
  }

  /**
   * A configurable item is built to the options ordered: its line must carry them, each an option
   * its configuration knows; the order keeps them (and their summary) on the line. Other lines carry none.
   */
  private lineConfiguration(lineNo: number, sku: string, value: unknown): ErpOrderLine['configuration'] {
    const configuration = this.state.get('productConfigurations', sku) as ErpProductConfigurationRecord | undefined;
    if (!configuration) {
      if (value != null) throw new InvalidInput(`line ${lineNo}: ${sku} is not a configurable product`);
      return null;
    }
    const c = value as { options?: unknown; summary?: unknown } | null | undefined;
    if (!c || typeof c !== 'object' || !Array.isArray(c.options) || c.options.length === 0) throw new InvalidInput(`line ${lineNo}: ${sku} is built to order and needs its configuration`);
    const known = new Set(configuration.options.map((o) => o.code));
    const options = c.options.map((o: any, k: number) => {
      if (!o || typeof o.code !== 'string' || typeof o.value !== 'string') throw new InvalidInput(`line ${lineNo}: option ${k + 1} needs a code and a value`);
      if (!known.has(o.code)) throw new InvalidInput(`line ${lineNo}: ${sku} has no option ${o.code}`);
      return { code: o.code as string, value: o.value as string };
    });
    return { options, summary: typeof c.summary === 'string' ? c.summary : options.map((o) => `${o.code} ${o.value}`).join(', ') };
  }

  /**
   * Checks an order that draws down a blanket order: the customer's own, open and valid on the
   * order's day, every line one of its SKUs at the agreed price and within what remains (of the
   * line, and of the shop's share where the line is split per shop: the order's delivery address).
   * Returns the blanket order as it is once the order is counted in it.
   */
  private drawdownOf(b: any, customerNumber: string, currency: string, placedAt: Date, ordered: Array<{ lineNo: number; sku: string; quantity: Decimal; unitPrice: Decimal }>): (orderNumber: string) => ErpBlanketOrderRecord {
    const number = requireString(b.blanketOrderNumber, 'blanketOrderNumber');
    const blanket = this.state.get('blanketOrders', number) as ErpBlanketOrderRecord | undefined;
    if (!blanket || blanket.customerNumber !== customerNumber) throw new InvalidInput(`unknown blanket order ${number} for customer ${customerNumber}`);
    if (blanket.status !== 'OPEN') throw new InvalidInput(`blanket order ${number} is closed`);
    const day = isoDay(placedAt);
    if (day < blanket.validFrom || day > blanket.validTo) throw new InvalidInput(`blanket order ${number} is valid from ${blanket.validFrom} to ${blanket.validTo}`);
    if (currency !== blanket.currency) throw new InvalidInput(`blanket order ${number} is in ${blanket.currency}`);
    const hubOrderId = String(b.hubOrderId);
    const shop = (b.deliveryAddressCode as string | null | undefined) ?? null;
    const lines = structuredClone(blanket.lines);
    for (const o of ordered) {
      const line = lines.find((l) => l.sku === o.sku);
      if (!line) throw new InvalidInput(`line ${o.lineNo}: ${o.sku} is not on blanket order ${number}`);
      if (!o.unitPrice.eq(line.unitPrice)) throw new InvalidInput(`line ${o.lineNo}: ${o.sku} is agreed at ${line.unitPrice}, not ${o.unitPrice.toString()}`);
      const remaining = new Decimal(line.quantity).minus(line.drawnQuantity);
      if (o.quantity.gt(remaining)) throw new InvalidInput(`line ${o.lineNo}: ${remaining.toString()} of ${o.sku} remain on blanket order ${number}`);
      line.drawnQuantity = new Decimal(line.drawnQuantity).plus(o.quantity).toString();
      if (line.shops && line.shops.length > 0) {
        const share = line.shops.find((s) => s.deliveryAddressCode === shop);
        if (!share) throw new InvalidInput(`line ${o.lineNo}: ${o.sku} is split per shop; deliver to one of ${line.shops.map((s) => s.deliveryAddressCode).join(', ')}`);
        const left = new Decimal(share.quantity).minus(share.drawnQuantity);
        if (o.quantity.gt(left)) throw new InvalidInput(`line ${o.lineNo}: ${left.toString()} of ${o.sku} remain for shop ${shop} on blanket order ${number}`);
        share.drawnQuantity = new Decimal(share.drawnQuantity).plus(o.quantity).toString();
      }
    }
    return (orderNumber) => ({ ...blanket, lines, drawdowns: [...blanket.drawdowns, { orderNumber, hubOrderId, placedAt: placedAt.toISOString() }] });
  }

  /**
   * Lines whose product is in a product group a supplier ships (dropShipAssignments) go to that
   * supplier: they are marked on the order, and one drop-ship order per supplier carries them with
   * the customer's delivery address, and nothing else of the customer (no number, no prices).
   */
  private routeDropShipLines(
    orderNumber: string, ordered: ReadonlyArray<{ lineNo: number; sku: string; quantity: Decimal; unitPrice: Decimal }>, address: { name: string; street: string; postalCode: string; city: string; country: string },
  ): ErpOrderLine[] {
    if (this.dropShipSuppliers.size === 0) return [];
    const bySupplier = new Map<string, ErpOrderLine[]>();
    const deliveryDate = isoDay(new Date(this.clock().getTime() + DROP_SHIP_DAYS * DAY));
    for (const l of ordered) {
      const groups = this.state.get('products', l.sku)?.categoryCodes ?? [];
      const supplier = groups.map((g) => this.dropShipSuppliers.get(g)).find((s) => s !== undefined);
      if (!supplier) continue;
      const line: ErpOrderLine = {
        lineNo: l.lineNo, sku: l.sku, quantity: l.quantity.toString(), unitPrice: l.unitPrice.decimalPlaces() <= 2 ? l.unitPrice.toFixed(2) : l.unitPrice.toString(),
        lineTotal: l.quantity.mul(l.unitPrice).toDecimalPlaces(2).toFixed(2), orderedLineNo: l.lineNo, warehouseCode: null, backOrdered: false, deliveryDate, dropShipSupplierNumber: supplier,
      };
      bySupplier.set(supplier, [...(bySupplier.get(supplier) ?? []), line]);
    }
    for (const [supplierNumber, routed] of bySupplier) {
      const dropShipOrderNumber = `DS-${this.nextDropShipOrder++}`;
      const record: ErpDropShipOrderRecord = {
        key: dropShipOrderNumber, dropShipOrderNumber, supplierNumber, status: 'OPEN', createdAt: this.clock().toISOString(),
        deliveryAddress: { name: address.name, street: address.street, postalCode: address.postalCode, city: address.city, country: address.country },
        lines: routed.map((l) => ({ lineNo: l.lineNo, sku: l.sku, quantity: l.quantity })), carrier: null, parcelNumber: null, shippedAt: null,
      };
      this.upsertRecord('dropShipOrders', record);
      this.dropShipOrigins.set(dropShipOrderNumber, { orderNumber, lineNos: routed.map((l) => l.lineNo) });
    }
    return [...bySupplier.values()].flat();
  }

  /** The cash-sale account as an order of a guest needs it: a guest with a name, an e-mail, and an address unless collected in a store; prepaid. */
  private cashSaleCustomer(b: any): ErpCustomerRecord {
    const g = b.guest;
    if (!g || typeof g !== 'object') throw new InvalidInput('an order on the public shop account names its guest');
    requireString(g.name, 'guest.name');
    requireString(g.email, 'guest.email');
    if (b.pickupStoreCode == null) {
      if (!g.address || typeof g.address !== 'object') throw new InvalidInput('a delivered guest order has an address');
      for (const f of ['street', 'postalCode', 'city', 'country']) requireString(g.address[f], `guest.address.${f}`);
    }
    if (!b.prepaid || b.prepaid.method !== 'CARD') throw new InvalidInput('guest orders are prepaid by card');
    if (b.deliveryAddressCode != null) throw new InvalidInput('a guest has no delivery address codes');
    return { customerNumber: PUBLIC_SHOP_CUSTOMER_NUMBER, deliveryAddresses: [], blocked: false } as unknown as ErpCustomerRecord;
  }

  /** The warehouses this ERP keeps stock in, in the order it ships from them. */
  private get warehouseCodes(): readonly string[] {
    return this.scale === 'large' ? LARGE_WAREHOUSE_CODES : SMALL_WAREHOUSES.map((w) => w.code);
  }

  /**
   * How the ERP fulfils the ordered lines from today's stock (it does not reserve it): a line one
   * warehouse can ship whole ships from the first such warehouse; otherwise from the warehouses with
   * the most available stock, and what none has is back-ordered until the next purchase-order receipt.
   * Each part is a line of its own; the first keeps the ordered line's number, further parts get
   * numbers after the last ordered line, and every part names the line it fulfils.
   */
  private splitLines(ordered: Array<{ lineNo: number; sku: string; quantity: Decimal; unitPrice: Decimal; configuration?: ErpOrderLine['configuration'] }>, now: Date, lastLineNo = Math.max(0, ...ordered.map((l) => l.lineNo))): ErpOrderLine[] {
    const day = (days: number) => isoDay(new Date(now.getTime() + days * DAY));
    let nextLineNo = lastLineNo;
    const out: ErpOrderLine[] = [];
    for (const line of ordered) {
      const stock = this.warehouseCodes
        .map((code) => this.state.get('stock', `${code}:${line.sku}`))
        .filter((s): s is ErpStockRecord => s !== undefined)
        .map((s) => ({ record: s, available: Decimal.max(0, new Decimal(s.onHand).minus(s.reserved)) }));
      const parts: Array<{ quantity: Decimal; warehouseCode: string | null; backOrdered: boolean; deliveryDate: string }> = [];
      const whole = stock.find((s) => s.available.gte(line.quantity));
      if (whole) {
        parts.push({ quantity: line.quantity, warehouseCode: whole.record.warehouseCode, backOrdered: false, deliveryDate: day(DELIVERY_DAYS) });
      } else {
        let missing = line.quantity;
        for (const s of [...stock].sort((a, b) => b.available.comparedTo(a.available))) {
          if (missing.lte(0) || s.available.lte(0)) break;
          const take = Decimal.min(missing, s.available);
          parts.push({ quantity: take, warehouseCode: s.record.warehouseCode, backOrdered: false, deliveryDate: day(DELIVERY_DAYS) });
          missing = missing.minus(take);
        }
        if (missing.gt(0)) {
          const receipt = stock.filter((s) => s.record.nextReceiptDate).sort((a, b) => a.record.nextReceiptDate!.localeCompare(b.record.nextReceiptDate!))[0];
          const fallback = day(BACK_ORDER_DAYS);
          const date = receipt && receipt.record.nextReceiptDate! > day(DELIVERY_DAYS) ? receipt.record.nextReceiptDate! : fallback;
          parts.push({ quantity: missing, warehouseCode: receipt?.record.warehouseCode ?? stock[0]?.record.warehouseCode ?? null, backOrdered: true, deliveryDate: date });
        }
      }
      const unitPrice = line.unitPrice.decimalPlaces() <= 2 ? line.unitPrice.toFixed(2) : line.unitPrice.toString();
      parts.forEach((part, k) => {
        out.push({
          lineNo: k === 0 ? line.lineNo : ++nextLineNo, sku: line.sku, quantity: part.quantity.toString(), unitPrice,
          lineTotal: part.quantity.mul(line.unitPrice).toDecimalPlaces(2).toFixed(2), orderedLineNo: line.lineNo,
          warehouseCode: part.warehouseCode, backOrdered: part.backOrdered, deliveryDate: part.deliveryDate,
          ...(line.configuration ? { configuration: line.configuration } : {}),
        });
      });
    }
    return out.sort((a, b) => a.lineNo - b.lineNo);
  }

  findOrder(key: string): ErpOrderReceipt | undefined {
    return this.orders.get(key)?.receipt;
  }

  submitCustomer(key: string | undefined, body: unknown): PushResult<ErpCustomerReceipt> {
    return this.accept(this.customers, key, body, 'customer', (b) => {
      requireString(b.hubRegistrationId, 'hubRegistrationId');
      const name = requireString(b.name, 'name');
      const country = requireString(b.country, 'country', /^[A-Z]{2}$/);
      const currency = requireString(b.currency, 'currency', /^[A-Z]{3}$/);
      const email = requireString(b.email, 'email', /^[^@\s]+@[^@\s]+\.[^@\s]+$/);
      if (b.vatNumber != null && typeof b.vatNumber !== 'string') throw new InvalidInput('vatNumber must be a string');
      if (b.phone != null && typeof b.phone !== 'string') throw new InvalidInput('phone must be a string');
      const a = b.invoiceAddress;
      if (!a || typeof a !== 'object') throw new InvalidInput('invoiceAddress is required');
      const address = {
        street: requireString(a.street, 'invoiceAddress.street'), postalCode: requireString(a.postalCode, 'invoiceAddress.postalCode'),
        city: requireString(a.city, 'invoiceAddress.city'), country: requireString(a.country, 'invoiceAddress.country', /^[A-Z]{2}$/),
      };
      let customerNumber: string;
      do customerNumber = `C${this.nextCustomer++}`;
      while (this.state.get('customers', customerNumber));
      let contactNumber: string;
      do contactNumber = `K${this.nextContact++}`;
      while (this.state.get('contacts', contactNumber));
      const customer: ErpCustomerRecord = {
        customerNumber, name, currency, country, customerGroup: 'RETAIL', creditLimit: '5000.00', balance: '0.00', blocked: false, paymentTermsDays: 14, taxRatePercent: String(VAT_RATE_PERCENT),
        invoiceAddress: { code: 'INV', name, ...address }, deliveryAddresses: [{ code: 'D1', name, ...address }],
      };
      const contact: ErpContactRecord = { contactNumber, customerNumber, name, email, phone: b.phone ?? null };
      this.upsertRecord('customers', customer);
      this.upsertRecord('contacts', contact);
      return { customerNumber, contactNumber };
    });
  }

  /**
   * A store handed a READY_FOR_PICKUP order over to its customer, who showed the pick-up code: the
   * order is COLLECTED, with a delivery note (shipped and delivered at the counter) for its returns.
   */
  submitPickup(key: string | undefined, body: unknown): PushResult<ErpPickupReceipt> {
    return this.accept(this.pickups, key, body, 'pickup', (b) => {
      const order = this.state.get('orders', requireString(b.orderNumber, 'orderNumber'));
      if (!order || order.hubOrderId !== requireString(b.hubOrderId, 'hubOrderId')) throw new InvalidInput(`unknown order ${b.orderNumber}`);
      if (order.pickupStoreCode !== requireString(b.storeCode, 'storeCode')) throw new InvalidInput(`order ${order.orderNumber} is not collected in store ${b.storeCode}`);
      if (order.status !== 'READY_FOR_PICKUP') throw new InvalidInput(`order ${order.orderNumber} is ${order.status}, not READY_FOR_PICKUP`);
      if (order.pickupCode !== requireString(b.pickupCode, 'pickupCode')) throw new InvalidInput(`wrong pick-up code for order ${order.orderNumber}`);
      const at = new Date(requireString(b.handedOverAt, 'handedOverAt'));
      if (Number.isNaN(at.getTime())) throw new InvalidInput('handedOverAt must be an ISO 8601 date');
      this.upsertRecord('orders', { ...order, status: 'COLLECTED' });
      this.upsertRecord('deliveryNotes', { ...deliveryNoteFor(order, this.seed, at, at), carrier: `Collected in store ${order.pickupStoreCode}`, trackingNumber: '' });
      return { orderNumber: order.orderNumber, status: 'COLLECTED' };
    });
  }

  findPickup(key: string): ErpPickupReceipt | undefined {
    return this.pickups.get(key)?.receipt;
  }

  findCustomer(key: string): ErpCustomerReceipt | undefined {
    return this.customers.get(key)?.receipt;
  }

  submitReturn(key: string | undefined, body: unknown): PushResult<ErpReturnReceipt> {
    return this.accept(this.returns, key, body, 'return', (b) => {
      requireString(b.hubReturnId, 'hubReturnId');
      requireString(b.reason, 'reason');
      const customerNumber = requireString(b.customerNumber, 'customerNumber');
      if (!this.state.get('customers', customerNumber)) throw new InvalidInput(`unknown customer ${customerNumber}`);
      const note = this.state.get('deliveryNotes', requireString(b.deliveryNumber, 'deliveryNumber'));
      if (!note || note.customerNumber !== customerNumber) throw new InvalidInput(`unknown delivery note ${b.deliveryNumber} for customer ${customerNumber}`);
      const disposition = b.disposition ?? 'CREDIT';
      if (disposition !== 'CREDIT' && disposition !== 'EXCHANGE') throw new InvalidInput('disposition must be CREDIT or EXCHANGE');
      const wanted = new Map<string, Decimal>();
      for (const l of requireLines(b.lines)) {
        const sku = requireString(l.sku, `line ${l.lineNo}: sku`);
        if (!note.lines.some((d) => d.sku === sku)) throw new InvalidInput(`line ${l.lineNo}: ${sku} is not on delivery note ${note.deliveryNumber}`);
        if (l.serialNumbers !== undefined && l.serialNumbers !== null) {
          const delivered = new Set(note.lines.filter((d) => d.sku === sku).flatMap((d) => d.serialNumbers ?? []));
          if (!Array.isArray(l.serialNumbers) || l.serialNumbers.some((n: unknown) => typeof n !== 'string' || !delivered.has(n))) {
            throw new InvalidInput(`line ${l.lineNo}: serial numbers not delivered on ${note.deliveryNumber}`);
          }
        }
        wanted.set(sku, (wanted.get(sku) ?? new Decimal(0)).plus(requireDecimal(l.quantity, `line ${l.lineNo}: quantity`, true)));
      }
      for (const [sku, quantity] of wanted) {
        const delivered = note.lines.filter((d) => d.sku === sku).reduce((sum, d) => sum.plus(d.quantity), new Decimal(0));
        const before = this.returned.get(`${note.deliveryNumber}:${sku}`) ?? new Decimal(0);
        if (before.plus(quantity).gt(delivered)) {
          throw new InvalidInput(`${sku}: returning ${before.plus(quantity).toString()} of ${delivered.toString()} delivered on ${note.deliveryNumber}`);
        }
      }
      for (const [sku, quantity] of wanted) {
        const k = `${note.deliveryNumber}:${sku}`;
        this.returned.set(k, (this.returned.get(k) ?? new Decimal(0)).plus(quantity));
      }
      const returnNumber = `RMA-${this.nextReturn++}`;
      // Goods exchanged are replaced, not credited.
      if (disposition === 'EXCHANGE') return { returnNumber, creditNoteNumber: null };
      // The goods are credited at the order's prices: a credit note of the same number.
      const creditNoteNumber = returnNumber.replace(/^RMA-/, 'CN-');
      this.creditNotes.set(creditNoteNumber, {
        creditNoteNumber, returnNumber, customerNumber, deliveryNumber: note.deliveryNumber, orderNumber: note.orderNumber, reason: String(b.reason),
        issuedAt: this.clock().toISOString(), lines: [...wanted].map(([sku, quantity]) => ({ sku, quantity: quantity.toString() })),
      });
      this.bookCredit(creditNoteNumber, note.orderNumber, customerNumber, wanted);
      return { returnNumber, creditNoteNumber };
    });
  }

  /**
   * The credit of a return in the ledger: a credit note record at the order's prices and the
   * customer's tax rate, an open item for it (negative: the customer may set it against an invoice
   * or get it paid out), and the customer's balance lowered by it.
   */
  private bookCredit(creditNoteNumber: string, orderNumber: string, customerNumber: string, quantities: ReadonlyMap<string, Decimal>): void {
    const order = this.state.get('orders', orderNumber);
    const customer = this.state.get('customers', customerNumber);
    if (!order || !customer) return;
    let net = new Decimal(0);
    for (const [sku, quantity] of quantities) {
      const line = order.lines.find((l) => l.sku === sku);
      // Line by line, rounded as the printed credit note rounds them.
      if (line) net = net.plus(quantity.mul(line.unitPrice).toDecimalPlaces(2));
    }
    const tax = net.mul(customer.taxRatePercent ?? VAT_RATE_PERCENT).div(100).toDecimalPlaces(2);
    const total = net.plus(tax);
    const issuedAt = this.clock().toISOString();
    const invoiceNumber = `INV-${orderNumber.replace(/^SO-/, '')}`;
    this.upsertRecord('creditNotes', {
      creditNoteNumber, customerNumber, invoiceNumber: this.state.get('invoices', invoiceNumber) ? invoiceNumber : null, issuedAt, currency: order.currency,
      netTotal: net.toFixed(2), taxTotal: tax.toFixed(2), total: total.toFixed(2),
    });
    this.upsertRecord('openItems', {
      documentNumber: creditNoteNumber, customerNumber, documentType: 'CREDIT_NOTE', dueDate: issuedAt.slice(0, 10), amount: total.neg().toFixed(2), openAmount: total.neg().toFixed(2), currency: order.currency,
    });
    this.upsertRecord('customers', { ...customer, balance: new Decimal(customer.balance).minus(total).toFixed(2) });
  }

  findReturn(key: string): ErpReturnReceipt | undefined {
    return this.returns.get(key)?.receipt;
  }

  /**
   * A service (repair) order for one delivered unit: the customer and the delivery note must be the
   * ERP's, and the serial number on that note for that product. It waits for the goods; the
   * workshop then moves it on (`advanceServiceOrder`, and one step per tick).
   */
  submitServiceOrder(key: string | undefined, body: unknown): PushResult<ErpServiceOrderReceipt> {
    return this.accept(this.serviceOrders, key, body, 'serviceOrder', (b) => {
      const hubServiceRequestId = requireString(b.hubServiceRequestId, 'hubServiceRequestId');
      const customerNumber = requireString(b.customerNumber, 'customerNumber');
      if (!this.state.get('customers', customerNumber)) throw new InvalidInput(`unknown customer ${customerNumber}`);
      const note = this.state.get('deliveryNotes', requireString(b.deliveryNumber, 'deliveryNumber'));
      if (!note || note.customerNumber !== customerNumber) throw new InvalidInput(`unknown delivery note ${b.deliveryNumber} for customer ${customerNumber}`);
      const sku = requireString(b.sku, 'sku');
      const serialNumber = requireString(b.serialNumber, 'serialNumber');
      if (!note.lines.some((l) => l.sku === sku && (l.serialNumbers ?? []).includes(serialNumber))) throw new InvalidInput(`${sku} ${serialNumber} was not delivered on ${note.deliveryNumber}`);
      requireString(b.description, 'description');
      if (typeof b.underWarranty !== 'boolean') throw new InvalidInput('underWarranty must be a boolean');
      const serviceOrderNumber = `SRV-${this.nextServiceOrder++}`;
      const at = this.clock().toISOString();
      const record: ErpServiceOrderRecord = {
        key: serviceOrderNumber, serviceOrderNumber, hubServiceRequestId, customerNumber, serialNumber, sku, status: 'AWAITING_GOODS', receivedAt: null, shippedBackAt: null,
        history: [{ at, kind: 'STATUS', status: 'AWAITING_GOODS', text: b.underWarranty ? 'Service order opened under warranty; waiting for the goods.' : 'Service order opened (chargeable repair); waiting for the goods.' }],
      };
      this.upsertRecord('serviceOrders', record);
      this.activeServiceOrders.add(serviceOrderNumber);
      return { serviceOrderNumber };
    });
  }

  findServiceOrder(key: string): ErpServiceOrderReceipt | undefined {
    return this.serviceOrders.get(key)?.receipt;
  }

  /**
   * Moves one service order on by `steps` workshop steps, writing its history: received (the goods
   * arrived), in repair (the diagnosis), repaired (parts replaced and labour), shipped back, closed.
   * Returns its status afterwards, or undefined when the ERP has no such service order.
   */
  advanceServiceOrder(number: string, steps: number): ErpServiceOrderRecord['status'] | undefined {
    for (let s = 0; s < steps; s++) {
      const order = this.state.get('serviceOrders', number) as ErpServiceOrderRecord | undefined;
      if (!order) return undefined;
      const status = NEXT_SERVICE_STATUS[order.status];
      if (!status) {
        this.activeServiceOrders.delete(number);
        break;
      }
      const at = this.clock().toISOString();
      const diagnosis = DIAGNOSES[Number.parseInt(createHash('sha256').update(order.serialNumber).digest('hex').slice(0, 8), 16) % DIAGNOSES.length];
      const entries: ErpServiceOrderRecord['history'] = [];
      if (status === 'IN_REPAIR') entries.push({ at, kind: 'DIAGNOSIS', text: diagnosis.finding });
      if (status === 'REPAIRED') {
        entries.push({ at, kind: 'PARTS', text: `Replaced ${diagnosis.part}`, partNumber: diagnosis.part, quantity: diagnosis.quantity });
        entries.push({ at, kind: 'LABOUR', text: 'Repair and function test', hours: diagnosis.hours });
      }
      entries.push({ at, kind: 'STATUS', status, text: SERVICE_STATUS_TEXT[status] });
      this.upsertRecord('serviceOrders', {
        ...order, status, history: [...order.history, ...entries],
        receivedAt: status === 'RECEIVED' ? at : order.receivedAt,
        shippedBackAt: status === 'SHIPPED_BACK' ? at : order.shippedBackAt,
      });
      if (!NEXT_SERVICE_STATUS[status]) this.activeServiceOrders.delete(number);
    }
    return (this.state.get('serviceOrders', number) as ErpServiceOrderRecord | undefined)?.status;
  }

  // ---- purchasing -----------------------------------------------------------------------------

  private requireSupplier(value: unknown): string {
    const number = requireString(value, 'supplierNumber');
    if (!SUPPLIER_NUMBERS.includes(number)) throw new InvalidInput(`unknown supplier ${number}`);
    return number;
  }

  /** A purchase order from the hub's buyer: every line a product of the ERP, a positive quantity, a price and a delivery date. Kept OPEN until confirmed. */
  submitPurchaseOrder(key: string | undefined, body: unknown): PushResult<ErpPurchaseOrderReceipt> {
    return this.accept(this.purchaseOrders, key, body, 'purchaseOrder', (b) => {
      const hubPurchaseOrderId = requireString(b.hubPurchaseOrderId, 'hubPurchaseOrderId');
      const supplierNumber = this.requireSupplier(b.supplierNumber);
      const orderedAt = new Date(requireString(b.orderedAt, 'orderedAt'));
      if (Number.isNaN(orderedAt.getTime())) throw new InvalidInput('orderedAt must be an ISO 8601 date');
      const currency = requireString(b.currency, 'currency', /^[A-Z]{3}$/);
      const lines = requireLines(b.lines).map((l) => {
        const sku = requireString(l.sku, `line ${l.lineNo}: sku`);
        if (!this.state.get('products', sku)) throw new InvalidInput(`line ${l.lineNo}: unknown sku ${sku}`);
        const quantity = requireDecimal(l.quantity, `line ${l.lineNo}: quantity`, true);
        const unitPrice = requireDecimal(l.unitPrice, `line ${l.lineNo}: unitPrice`, false);
        const deliveryDate = requireString(l.deliveryDate, `line ${l.lineNo}: deliveryDate`, ISO_DAY);
        return { lineNo: l.lineNo as number, sku, quantity: quantity.toString(), unitPrice: unitPrice.toString(), deliveryDate, receivedQuantity: '0' };
      });
      const purchaseOrderNumber = `PO-${this.nextPurchaseOrder++}`;
      const record: ErpPurchaseOrderRecord = {
        key: purchaseOrderNumber, purchaseOrderNumber, hubPurchaseOrderId, supplierNumber, status: 'OPEN', orderedAt: orderedAt.toISOString(), currency, lines,
      };
      this.upsertRecord('purchaseOrders', record);
      return { purchaseOrderNumber, status: 'OPEN' };
    });
  }

  findPurchaseOrder(key: string): ErpPurchaseOrderReceipt | undefined {
    return this.purchaseOrders.get(key)?.receipt;
  }

  /** What the supplier and the buyer agreed: the order's lines take the agreed quantity, price and date, and the order is CONFIRMED. */
  submitPurchaseOrderConfirmation(key: string | undefined, body: unknown): PushResult<ErpPurchaseOrderConfirmationReceipt> {
    return this.accept(this.purchaseOrderConfirmations, key, body, 'purchaseOrderConfirmation', (b) => {
      const order = this.state.get('purchaseOrders', requireString(b.purchaseOrderNumber, 'purchaseOrderNumber')) as ErpPurchaseOrderRecord | undefined;
      if (!order || order.hubPurchaseOrderId !== requireString(b.hubPurchaseOrderId, 'hubPurchaseOrderId')) throw new InvalidInput(`unknown purchase order ${b.purchaseOrderNumber}`);
      if (order.status !== 'OPEN') throw new InvalidInput(`purchase order ${order.purchaseOrderNumber} is ${order.status}, not OPEN`);
      const agreed = new Map(requireLines(b.lines).map((l) => [l.lineNo as number, {
        quantity: requireDecimal(l.quantity, `line ${l.lineNo}: quantity`, false).toString(),
        unitPrice: requireDecimal(l.unitPrice, `line ${l.lineNo}: unitPrice`, false).toString(),
        deliveryDate: requireString(l.deliveryDate, `line ${l.lineNo}: deliveryDate`, ISO_DAY),
      }]));
      for (const lineNo of agreed.keys()) if (!order.lines.some((l) => l.lineNo === lineNo)) throw new InvalidInput(`line ${lineNo} is not on ${order.purchaseOrderNumber}`);
      this.upsertRecord('purchaseOrders', { ...order, status: 'CONFIRMED', lines: order.lines.map((l) => ({ ...l, ...(agreed.get(l.lineNo) ?? {}) })) });
      return { purchaseOrderNumber: order.purchaseOrderNumber, status: 'CONFIRMED' };
    });
  }

  findPurchaseOrderConfirmation(key: string): ErpPurchaseOrderConfirmationReceipt | undefined {
    return this.purchaseOrderConfirmations.get(key)?.receipt;
  }

  /**
   * The warehouse received goods of a purchase order: `quantities` per line number (absent: all
   * that is still open). RECEIVED when every line is in, else PARTLY_RECEIVED. Undefined when there is no such order.
   */
  receivePurchaseOrder(number: string, quantities?: Record<string, string>): ErpPurchaseOrderRecord | undefined {
    const order = this.state.get('purchaseOrders', number) as ErpPurchaseOrderRecord | undefined;
    if (!order) return undefined;
    if (order.status === 'CANCELLED' || order.status === 'RECEIVED') return order;
    const lines = order.lines.map((l) => {
      const open = Decimal.max(0, new Decimal(l.quantity).minus(l.receivedQuantity));
      const take = quantities ? Decimal.min(open, new Decimal(quantities[String(l.lineNo)] ?? '0')) : open;
      return { ...l, receivedQuantity: new Decimal(l.receivedQuantity).plus(take).toString() };
    });
    const complete = lines.every((l) => new Decimal(l.receivedQuantity).gte(l.quantity));
    const updated: ErpPurchaseOrderRecord = { ...order, lines, status: complete ? 'RECEIVED' : 'PARTLY_RECEIVED' };
    this.upsertRecord('purchaseOrders', updated);
    return updated;
  }

  /** Which supplier ships a product group's products to the customer (null: none again); applies to orders from now on. */
  submitDropShipAssignment(key: string | undefined, body: unknown): PushResult<ErpDropShipAssignmentReceipt> {
    return this.accept(this.dropShipAssignmentPushes, key, body, 'dropShipAssignment', (b) => {
      const productGroup = requireString(b.productGroup, 'productGroup');
      if (!this.state.get('categories', productGroup)) throw new InvalidInput(`unknown product group ${productGroup}`);
      const supplierNumber = b.supplierNumber === null ? null : this.requireSupplier(b.supplierNumber);
      if (supplierNumber) this.dropShipSuppliers.set(productGroup, supplierNumber);
      else this.dropShipSuppliers.delete(productGroup);
      return { productGroup, supplierNumber };
    });
  }

  findDropShipAssignment(key: string): ErpDropShipAssignmentReceipt | undefined {
    return this.dropShipAssignmentPushes.get(key)?.receipt;
  }

  /** Product group → supplier number, as the ERP routes order lines now. */
  dropShipRouting(): Record<string, string> {
    return Object.fromEntries(this.dropShipSuppliers);
  }

  /**
   * The supplier shipped a drop-ship order: it becomes SHIPPED with the parcel, and the customer's
   * order gets a delivery note for those lines with the supplier's carrier and parcel number.
   */
  submitDropShipment(key: string | undefined, body: unknown): PushResult<ErpDropShipmentReceipt> {
    return this.accept(this.dropShipments, key, body, 'dropShipment', (b) => {
      const number = requireString(b.dropShipOrderNumber, 'dropShipOrderNumber');
      const ds = this.state.get('dropShipOrders', number) as ErpDropShipOrderRecord | undefined;
      const origin = this.dropShipOrigins.get(number);
      if (!ds || !origin || ds.supplierNumber !== this.requireSupplier(b.supplierNumber)) throw new InvalidInput(`unknown drop-ship order ${number}`);
      if (ds.status !== 'OPEN') throw new InvalidInput(`drop-ship order ${number} is ${ds.status}, not OPEN`);
      const carrier = requireString(b.carrier, 'carrier');
      const parcelNumber = requireString(b.parcelNumber, 'parcelNumber');
      const shippedAt = new Date(requireString(b.shippedAt, 'shippedAt'));
      if (Number.isNaN(shippedAt.getTime())) throw new InvalidInput('shippedAt must be an ISO 8601 date');
      this.upsertRecord('dropShipOrders', { ...ds, status: 'SHIPPED', carrier, parcelNumber, shippedAt: shippedAt.toISOString() });
      const order = this.state.get('orders', origin.orderNumber)!;
      const deliveryNumber = `DN-${number.replace(/^DS-/, 'DS')}`;
      this.upsertRecord('deliveryNotes', {
        deliveryNumber, customerNumber: order.customerNumber, orderNumber: order.orderNumber, hubOrderId: order.hubOrderId, shippedAt: shippedAt.toISOString(), deliveredAt: null,
        carrier, trackingNumber: parcelNumber, lines: ds.lines.map((l) => ({ lineNo: l.lineNo, sku: l.sku, quantity: l.quantity })),
        shipTo: { code: 'DROP-SHIP', ...ds.deliveryAddress }, dropShippedBy: ds.supplierNumber,
      });
      return { dropShipOrderNumber: number, deliveryNumber };
    });
  }

  findDropShipment(key: string): ErpDropShipmentReceipt | undefined {
    return this.dropShipments.get(key)?.receipt;
  }

  /**
   * A document for a collection the contract does not name: any JSON object is stored under its
   * idempotency key and numbered, as an ERP configured for a deployment's own document type would.
   */
  submitDocument(collection: string, key: string | undefined, body: unknown): PushResult<ErpExtensionReceipt> {
    let store = this.documents.get(collection);
    if (!store) this.documents.set(collection, (store = new Map()));
    const taken = store.size;
    return this.accept(store, key, body, 'document', () => ({ documentNumber: `${collection.toUpperCase()}-${100_001 + taken}` }));
  }

  findDocument(collection: string, key: string): ErpExtensionReceipt | undefined {
    return this.documents.get(collection)?.get(key)?.receipt;
  }

  // ---- printable documents -------------------------------------------------------------------

  /** A document as the ERP prints it (PDF), or undefined when it has none of that number. */
  async document(kind: ErpDocumentKind, number: string): Promise<Buffer | undefined> {
    const printer = new ErpDocuments(this.state);
    if (kind === 'invoice') {
      const inv = this.state.get('invoices', number);
      return inv && renderDocument(printer.invoice(inv));
    }
    if (kind === 'creditNote') {
      // A return's credit note prints its lines; any other credit note of the ledger its totals.
      const note = this.creditNotes.get(number);
      if (note) return renderDocument(printer.creditNote(note));
      const record = this.state.get('creditNotes', number);
      return record && renderDocument(printer.ledgerCreditNote(record));
    }
    if (kind === 'deliveryNote') {
      const dn = this.state.get('deliveryNotes', number);
      return dn && renderDocument(printer.deliveryNote(dn));
    }
    if (kind === 'orderConfirmation') {
      const order = this.state.get('orders', number);
      return order && renderDocument(printer.orderConfirmation(order));
    }
    return undefined;
  }

  /** The credit note issued for an accepted return, by its number (CN-...). */
  creditNote(number: string): ErpCreditNote | undefined {
    return this.creditNotes.get(number);
  }

  // ---- statistics ----------------------------------------------------------------------------

  stats() {
    const counts = Object.fromEntries(this.state.kindNames.map((k) => [k, this.state.count(k)])) as Record<string, number>;
    const byKey = <T>(store: Map<string, Accepted<T>>) => Object.fromEntries([...store].map(([k, v]) => [k, v.accepted]));
    const c = this.counters;
    return {
      scale: this.scale,
      seed: this.seed,
      version: this.state.version,
      ticks: this.ticks,
      counts,
      /** Idempotency key → how many times an order pushed with it was accepted (stored); 1 means exactly once. */
      acceptedOrdersByKey: byKey(this.orders),
      acceptedCustomersByKey: byKey(this.customers),
      acceptedReturnsByKey: byKey(this.returns),
      /** Per extension collection: idempotency key → times accepted. */
      acceptedDocumentsByKey: Object.fromEntries([...this.documents].map(([collection, store]) => [collection, byKey(store)])),
      orders: { accepted: this.orders.size, acceptedByKey: byKey(this.orders), replays: c.orderReplays, conflicts: c.orderConflicts, rejections: c.orderRejections },
      customers: { accepted: this.customers.size, acceptedByKey: byKey(this.customers), replays: c.customerReplays, conflicts: c.customerConflicts, rejections: c.customerRejections },
      returns: { accepted: this.returns.size, acceptedByKey: byKey(this.returns), replays: c.returnReplays, conflicts: c.returnConflicts, rejections: c.returnRejections },
      pickups: { accepted: this.pickups.size, acceptedByKey: byKey(this.pickups), replays: c.pickupReplays, conflicts: c.pickupConflicts, rejections: c.pickupRejections },
      serviceOrders: { accepted: this.serviceOrders.size, acceptedByKey: byKey(this.serviceOrders), replays: c.serviceOrderReplays, conflicts: c.serviceOrderConflicts, rejections: c.serviceOrderRejections },
      purchaseOrders: { accepted: this.purchaseOrders.size, acceptedByKey: byKey(this.purchaseOrders), replays: c.purchaseOrderReplays, conflicts: c.purchaseOrderConflicts, rejections: c.purchaseOrderRejections },
      purchaseOrderConfirmations: { accepted: this.purchaseOrderConfirmations.size, acceptedByKey: byKey(this.purchaseOrderConfirmations), replays: c.purchaseOrderConfirmationReplays, conflicts: c.purchaseOrderConfirmationConflicts, rejections: c.purchaseOrderConfirmationRejections },
      dropShipAssignments: { accepted: this.dropShipAssignmentPushes.size, acceptedByKey: byKey(this.dropShipAssignmentPushes), routing: this.dropShipRouting(), replays: c.dropShipAssignmentReplays, conflicts: c.dropShipAssignmentConflicts, rejections: c.dropShipAssignmentRejections },
      dropShipments: { accepted: this.dropShipments.size, acceptedByKey: byKey(this.dropShipments), replays: c.dropShipmentReplays, conflicts: c.dropShipmentConflicts, rejections: c.dropShipmentRejections },
      payments: { accepted: this.paymentsIn.size, acceptedByKey: byKey(this.paymentsIn), replays: c.paymentReplays, conflicts: c.paymentConflicts, rejections: c.paymentRejections },
    };
  }
}

export type DemoErpStats = ReturnType<DemoErp['stats']>;
