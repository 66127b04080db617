import Decimal from 'decimal.js';
import {
  ChangePage, ErpAdapter, ErpAddress, ErpCategoryRecord, ErpCreditNoteRecord, ErpCustomerRecord, ErpCustomerSubmission, ErpDocumentKind, ErpError,
  ErpInvoiceRecord, ErpOpenItemRecord, ErpOrderRecord, ErpOrderStatus, ErpOrderSubmission, ErpPriceRecord, ErpProductRecord, ErpReceiptOf, ErpRecordOf,
  ErpStockRecord, ErpSubmissionOf, recordKey,
} from '@hub/erp-contract';
import { renderDocument } from '@hub/printed-document';
import { TRYTON_PRINTER, trytonInvoiceDocument, TrytonInvoicePrintout } from './tryton-invoice-document';
import { TrytonConnection, trytonDateTime, TrytonJsonRpc } from './tryton-json-rpc';

export interface TrytonErpAdapterOptions extends TrytonConnection {
  /**
   * How far back each delta reaches before the previous pull started: a record written by a
   * transaction that committed after that pull read (its write_date earlier) is still seen. Rows
   * in the overlap are delivered again, which the hub's merge absorbs.
   */
  overlapSeconds?: number;
}

/** A cursor: changes since `since` (null: everything), the chain's start, and the rows of it already delivered. */
interface TrytonCursor {
  since: string | null;
  startedAt: string;
  offset: number;
}

type Domain = unknown[];

function encodeCursor(cursor: TrytonCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(text: string): TrytonCursor {
  try {
    const parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (typeof parsed.startedAt === 'string' && typeof parsed.offset === 'number') return parsed;
  } catch {
    // fall through
  }
  throw new ErpError('VALIDATION', `tryton ERP: cursor "${text.slice(0, 40)}" is not one of this adapter's`);
}

/** Records changed since a time: their own write or create date, or those of the related records named. */
function changedSince(since: string | null, related: string[] = []): Domain {
  if (since === null) return [];
  const at = trytonDateTime(new Date(since));
  const clauses: unknown[] = ['OR'];
  for (const prefix of ['', ...related.map((r) => `${r}.`)]) {
    clauses.push([`${prefix}write_date`, '>=', at], [`${prefix}create_date`, '>=', at]);
  }
  return [clauses];
}

const ORDER_STATES = ['confirmed', 'processing', 'done', 'cancel'];
/** Customer invoices and credit notes the hub reads: posted ones (open) and paid ones; drafts are not documents yet. */
const ISSUED_STATES = ['posted', 'paid'];
/** Tryton 6.0 keeps credit notes as customer invoices ('out') of negative total. */
const INVOICES: Domain = [['type', '=', 'out'], ['number', '!=', null], ['total_amount', '>=', 0]];
const CREDIT_NOTES: Domain = [['type', '=', 'out'], ['number', '!=', null], ['total_amount', '<', 0]];
const INVOICE_FIELDS = ['number', 'state', 'party.code', 'invoice_date', 'currency.code', 'untaxed_amount', 'tax_amount', 'total_amount', 'amount_to_pay', 'lines_to_pay', 'sales'];
const WITH_INACTIVE = { active_test: false };

/**
 * The ERP adapter for Tryton 6.0 over its JSON-RPC (modules sale, stock, account_invoice,
 * product_price_list, sale_price_list). Keys: products by their code (the SKU), customers by the
 * party code, orders by the sale number, invoices, credit notes and open items by the invoice
 * number; categories and addresses by Tryton ids ("CAT-7", "A12"). Pushed orders carry the
 * idempotency key in the sale's `reference`, pushed customers in a party identifier.
 *
 * Deltas read records whose write or create date (or that of a related record: a product's
 * template holds its price) lies after the previous pull's start minus an overlap. Tryton keeps
 * no deletion log and refuses to delete records with history; retired records arrive as rows with
 * `active: false`, cancelled invoices and paid ones' open items as deletions.
 */
export class TrytonErpAdapter implements ErpAdapter {
  readonly name = 'tryton';
  private readonly rpc: TrytonJsonRpc;
  private readonly overlapMs: number;
  private company: { id: number; currency: string } | null = null;

  constructor(private readonly options: TrytonErpAdapterOptions) {
    this.rpc = new TrytonJsonRpc(options);
    this.overlapMs = (options.overlapSeconds ?? 10) * 1000;
  }

  close(): void {
    // fetch keeps no sockets of ours to close.
  }

  /** trytond answers a login: the hub's readiness check and the start-up check use it. */
  async health(): Promise<void> {
    await this.companyInfo(true);
  }

  private async companyInfo(fresh = false): Promise<{ id: number; currency: string }> {
    if (this.company && !fresh) return this.company;
    const companies = await this.rpc.call<Array<{ id: number; 'currency.': { code: string } }>>('model.company.company.search_read', [[], 0, 1, [['id', 'ASC']], ['currency.code'], {}]);
    if (companies.length === 0) throw new ErpError('VALIDATION', 'tryton ERP: the database has no company (run npm run tryton:setup)');
    this.company = { id: companies[0].id, currency: companies[0]['currency.'].code };
    return this.company;
  }

  private async context(extra: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const company = await this.companyInfo();
    return { company: company.id, companies: [company.id], ...extra };
  }

  private searchRead<T = any>(model: string, domain: Domain, fields: string[], context: Record<string, unknown>, offset = 0, limit: number | null = null): Promise<T[]> {
    return this.rpc.call<T[]>(`model.${model}.search_read`, [domain, offset, limit, [['id', 'ASC']], fields, context]);
  }

  async pullChanges<K extends string>(kind: K, cursor: string | null, pageSize: number): Promise<ChangePage<ErpRecordOf<K>>> {
    const state: TrytonCursor = cursor === null ? { since: null, startedAt: new Date().toISOString(), offset: 0 } : decodeCursor(cursor);
    // A new chain starts now; a chain continued keeps the start of its first page.
    if (cursor !== null && state.offset === 0) state.startedAt = new Date().toISOString();
    const rows = (await this.readChanged(kind, state.since, state.offset, pageSize + 1)) as Array<ErpRecordOf<K>>;
    const hasMore = rows.length > pageSize;
    const page = rows.slice(0, pageSize);
    const next: TrytonCursor = hasMore
      ? { since: state.since, startedAt: state.startedAt, offset: state.offset + page.length }
      : { since: new Date(Date.parse(state.startedAt) - this.overlapMs).toISOString(), startedAt: state.startedAt, offset: 0 };
    // Deletions once per chain, on its last page (they are not paged).
    const deletions = hasMore ? [] : await this.deletedSince(kind, state.since);
    return { rows: page, deletions, nextCursor: encodeCursor(next), hasMore };
  }

  async fetchRecord<K extends string>(kind: K, key: string): Promise<ErpRecordOf<K> | null> {
    const rows = await this.readChanged(kind, null, 0, null, key);
    return (rows.find((r) => recordKey(kind, r) === key) as ErpRecordOf<K> | undefined) ?? null;
  }

  /** Records of a kind changed since a time, ordered by Tryton id, from `offset`; `key` narrows to one record. */
  private async readChanged(kind: string, since: string | null, offset: number, limit: number | null, key?: string): Promise<object[]> {
    switch (kind) {
      case 'categories':
        return this.categories(since, offset, limit, key);
      case 'products':
        return this.products(since, offset, limit, key);
      case 'prices':
        return sliced(await this.prices(since, key), offset, limit);
      case 'stock':
        return sliced(await this.stock(since, key), offset, limit);
      case 'customers':
        return this.customers(since, offset, limit, key);
      case 'orders':
        return this.orders(since, offset, limit, key);
      case 'invoices':
        return this.invoices(since, offset, limit, key);
      case 'creditNotes':
        return this.creditNotes(since, offset, limit, key);
      case 'openItems':
        return this.openItems(since, offset, limit, key);
      case 'warehouses':
        // Tryton's warehouses (stock.location of type warehouse) have no flag that makes one a shop, nor
        // opening hours: the adapter serves none, so a Tryton hub has no pick-up points (the kind is optional).
        return [];
      default:
        // Delivery notes, payments, contacts and the rest are not read from Tryton yet.
        return [];
    }
  }

  /**
   * Keys of records gone since a time (everything gone when `since` is null): a cancelled invoice or
   * credit note, and the open item of one paid or cancelled. Tryton keeps both as invoice states.
   */
  private async deletedSince(kind: string, since: string | null): Promise<string[]> {
    let domain: Domain;
    if (kind === 'invoices') domain = [...INVOICES, ['state', '=', 'cancelled']];
    else if (kind === 'creditNotes') domain = [...CREDIT_NOTES, ['state', '=', 'cancelled']];
    else if (kind === 'openItems') domain = [['type', '=', 'out'], ['number', '!=', null], ['state', 'in', ['paid', 'cancelled']]];
    else return [];
    const rows = await this.searchRead('account.invoice', [...domain, ...changedSince(since)], ['number'], await this.context());
    return rows.map((r: any) => r.number as string);
  }

  /** Issued customer invoices (of the domain's kind) changed since a time; a payment reaches its invoice as a write (payment lines added, state paid). */
  private async issuedInvoices(kind: Domain, states: string[], since: string | null, offset: number, limit: number | null, key?: string): Promise<any[]> {
    const domain = [...kind, ['state', 'in', states], ...(key ? [['number', '=', key]] : changedSince(since))];
    return this.searchRead('account.invoice', domain, INVOICE_FIELDS, await this.context(), offset, limit);
  }

  /** The earliest maturity date of each invoice's lines still to pay (all of them once paid), by invoice id. */
  private async dueDates(invoices: any[]): Promise<Map<number, string>> {
    const lineIds = invoices.flatMap((i) => i.lines_to_pay as number[]);
    const lines = lineIds.length ? await this.rpc.call<any[]>('model.account.move.line.read', [lineIds, ['maturity_date', 'reconciliation', 'date'], await this.context()]) : [];
    const byId = new Map(lines.map((l) => [l.id as number, l]));
    const due = new Map<number, string>();
    for (const invoice of invoices) {
      const own = (invoice.lines_to_pay as number[]).map((id) => byId.get(id)).filter(Boolean);
      const open = own.filter((l) => !l.reconciliation);
      const dates = (open.length ? open : own).map((l) => (l.maturity_date ?? l.date) as string).sort();
      due.set(invoice.id, dates[0] ?? invoice.invoice_date);
    }
    return due;
  }

  /** The sale each invoice came from (Tryton links them through the invoice lines' origin): its number and the hub's order id. */
  private async invoicedSales(invoices: any[]): Promise<Map<number, { number: string; reference: string | null }>> {
    const saleIds = [...new Set(invoices.flatMap((i) => (i.sales ?? []) as number[]))];
    const sales = saleIds.length ? await this.rpc.call<any[]>('model.sale.sale.read', [saleIds, ['number', 'reference'], await this.context()]) : [];
    const byId = new Map(sales.map((s) => [s.id as number, { number: s.number as string, reference: (s.reference as string) || null }]));
    const result = new Map<number, { number: string; reference: string | null }>();
    for (const invoice of invoices) {
      const sale = [...((invoice.sales ?? []) as number[])].sort((a, b) => a - b).map((id) => byId.get(id)).find(Boolean);
      if (sale) result.set(invoice.id, sale);
    }
    return result;
  }

  private async invoices(since: string | null, offset: number, limit: number | null, key?: string): Promise<ErpInvoiceRecord[]> {
    const rows = await this.issuedInvoices(INVOICES, ISSUED_STATES, since, offset, limit, key);
    if (rows.length === 0) return [];
    const [due, sales] = await Promise.all([this.dueDates(rows), this.invoicedSales(rows)]);
    return rows.map((i: any) => {
      const sale = sales.get(i.id);
      const paid = i.state === 'paid';
      return {
        invoiceNumber: i.number, customerNumber: i['party.']?.code ?? '', orderNumber: sale?.number ?? null, hubOrderId: sale?.reference ?? null,
        issuedAt: `${i.invoice_date}T00:00:00.000Z`, dueAt: `${due.get(i.id)}T00:00:00.000Z`, currency: i['currency.']?.code ?? '',
        netTotal: money(i.untaxed_amount), taxTotal: money(i.tax_amount), total: money(i.total_amount),
        openAmount: paid ? '0.00' : money(i.amount_to_pay), status: paid ? 'PAID' : 'OPEN',
        // Tryton 6.0 signs nothing.
        digitallySigned: false,
      };
    });
  }

  /** Credit notes with positive amounts; the invoice they correct is the one their lines' origin (an invoice line) belongs to. */
  private async creditNotes(since: string | null, offset: number, limit: number | null, key?: string): Promise<ErpCreditNoteRecord[]> {
    const rows = await this.issuedInvoices(CREDIT_NOTES, ISSUED_STATES, since, offset, limit, key);
    if (rows.length === 0) return [];
    const lines = await this.searchRead('account.invoice.line', [['invoice', 'in', rows.map((r: any) => r.id)]], ['invoice', 'origin'], await this.context());
    const originIds = [...new Set((lines as any[]).map((l) => /^account\.invoice\.line,(\d+)$/.exec(l.origin ?? '')?.[1]).filter(Boolean).map(Number))];
    const origins = originIds.length ? await this.rpc.call<any[]>('model.account.invoice.line.read', [originIds, ['invoice.number'], await this.context()]) : [];
    const originInvoice = new Map(origins.map((o) => [`account.invoice.line,${o.id}`, o['invoice.']?.number as string | undefined]));
    return rows.map((c: any) => {
      const corrected = (lines as any[]).filter((l) => l.invoice === c.id).map((l) => originInvoice.get(l.origin ?? '')).find(Boolean) ?? null;
      return {
        creditNoteNumber: c.number, customerNumber: c['party.']?.code ?? '', invoiceNumber: corrected, issuedAt: `${c.invoice_date}T00:00:00.000Z`,
        currency: c['currency.']?.code ?? '', netTotal: money(new Decimal(c.untaxed_amount).neg()), taxTotal: money(new Decimal(c.tax_amount).neg()),
        total: money(new Decimal(c.total_amount).neg()),
      };
    });
  }

  /**
   * What customers still owe: every posted (not yet paid) invoice and credit note, with its amount
   * to pay (negative for a credit note) and the earliest due date of its unpaid lines. A paid or
   * cancelled one leaves as a deletion.
   */
  private async openItems(since: string | null, offset: number, limit: number | null, key?: string): Promise<ErpOpenItemRecord[]> {
    const rows = await this.issuedInvoices([['type', '=', 'out'], ['number', '!=', null]], ['posted'], since, offset, limit, key);
    if (rows.length === 0) return [];
    const due = await this.dueDates(rows);
    return rows.map((i: any) => ({
      documentNumber: i.number, customerNumber: i['party.']?.code ?? '', documentType: new Decimal(i.total_amount).lt(0) ? 'CREDIT_NOTE' : 'INVOICE',
      dueDate: due.get(i.id)!, amount: money(i.total_amount), openAmount: money(i.amount_to_pay), currency: i['currency.']?.code ?? '',
    }));
  }

  private async categories(since: string | null, offset: number, limit: number | null, key?: string): Promise<ErpCategoryRecord[]> {
    // Accounting categories (revenue account and taxes of products) are no web categories.
    const domain = [['accounting', '=', false], ...(key ? [['id', '=', categoryId(key)]] : changedSince(since))];
    const rows = await this.searchRead('product.category', domain, ['name', 'parent'], await this.context(), offset, limit);
    return rows.map((c: any) => ({ code: `CAT-${c.id}`, parentCode: c.parent ? `CAT-${c.parent}` : null, name: c.name, position: c.id }));
  }

  private async products(since: string | null, offset: number, limit: number | null, key?: string): Promise<ErpProductRecord[]> {
    const domain = [['code', '!=', null], ...(key ? [['code', '=', key]] : changedSince(since, ['template']))];
    const fields = ['code', 'name', 'description', 'list_price', 'default_uom.symbol', 'template.categories', 'active', 'template.salable'];
    const rows = await this.searchRead('product.product', domain, fields, await this.context(WITH_INACTIVE), offset, limit);
    const currency = (await this.companyInfo()).currency;
    return rows.map((p: any) => ({
      sku: p.code, name: p.name, description: p.description ?? '', unit: p['default_uom.']?.symbol ?? 'u',
      listPrice: new Decimal(p.list_price ?? 0).toFixed(4), currency, minStock: '0',
      categoryCodes: (p['template.']?.categories ?? []).map((id: number) => `CAT-${id}`),
      active: Boolean(p.active) && Boolean(p['template.']?.salable ?? true),
      // A stock Tryton product has no warranty field: its products register with no warranty end.
      warrantyMonths: null,
    }));
  }

  /**
   * List prices (one per product) and the customer prices of Tryton price lists: each party with a
   * sale price list gets that list's lines for products and categories whose formula is a fixed
   * price or `unit_price * factor`; other formulas are left to Tryton's own sale price.
   */
  private async prices(since: string | null, key?: string): Promise<ErpPriceRecord[]> {
    const context = await this.context();
    const currency = (await this.companyInfo()).currency;
    const products = await this.searchRead('product.product', [['code', '!=', null]], ['code', 'list_price', 'template.categories', 'write_date', 'create_date', 'template.write_date', 'template.create_date'], context);
    const changedProducts = since === null ? null : new Set(products.filter((p: any) => [p.write_date, p.create_date, p['template.']?.write_date, p['template.']?.create_date].some((d) => d && d >= since)).map((p: any) => p.code));
    // sale_price_list is a company-dependent value Tryton cannot search on: read it for every party.
    const parties = (await this.searchRead('party.party', [['code', '!=', null]], ['code', 'sale_price_list', 'write_date', 'create_date'], context)).filter((p: any) => p.sale_price_list);
    const listIds = [...new Set(parties.map((p: any) => p.sale_price_list as number))];
    const lines = listIds.length ? await this.searchRead('product.price_list.line', [['price_list', 'in', listIds]], ['price_list', 'sequence', 'product', 'category', 'quantity', 'formula', 'write_date', 'create_date', 'price_list.write_date'], context) : [];
    const listsChanged = since === null || parties.some((p: any) => [p.write_date, p.create_date].some((d) => d && d >= since))
      || lines.some((l: any) => [l.write_date, l.create_date, l['price_list.']?.write_date].some((d) => d && d >= since));
    const records: ErpPriceRecord[] = [];
    for (const p of products as any[]) {
      if (changedProducts && !changedProducts.has(p.code)) continue;
      records.push({ key: `list:${p.code}`, sku: p.code, customerNumber: null, customerGroup: null, minQuantity: '1', price: new Decimal(p.list_price).toFixed(4), currency, validFrom: null, validTo: null, promotion: false });
    }
    for (const party of parties as any[]) {
      const partyLines = (lines as any[]).filter((l) => l.price_list === party.sale_price_list).sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0) || a.id - b.id);
      for (const p of products as any[]) {
        if (!listsChanged && changedProducts && !changedProducts.has(p.code)) continue;
        const seen = new Set<string>();
        for (const line of partyLines) {
          if (line.product && line.product !== p.id) continue;
          if (line.category && !(p['template.']?.categories ?? []).includes(line.category)) continue;
          const price = formulaPrice(line.formula, p.list_price);
          const minQuantity = new Decimal(line.quantity ?? 0).gt(1) ? new Decimal(line.quantity).toString() : '1';
          if (price === null || seen.has(minQuantity)) continue;
          seen.add(minQuantity);
          if (minQuantity === '1' && price.eq(p.list_price)) break;
          records.push({ key: `pl:${party.code}:${p.code}:${minQuantity}`, sku: p.code, customerNumber: party.code, customerGroup: null, minQuantity, price: price.toFixed(4), currency, validFrom: null, validTo: null, promotion: false });
          if (minQuantity === '1') break;
        }
      }
    }
    return key ? records.filter((r) => r.key === key) : records;
  }

  /** Stock per warehouse (on hand, and what planned outgoing moves reserve); a delta re-reads the products that had moves since. */
  private async stock(since: string | null, key?: string): Promise<ErpStockRecord[]> {
    const context = await this.context();
    const warehouses = await this.searchRead('stock.location', [['type', '=', 'warehouse']], ['code', 'name'], context);
    let productDomain: Domain = [['code', '!=', null]];
    if (key) productDomain = [['code', '=', key.slice(key.indexOf(':') + 1)]];
    else if (since !== null) {
      const moves = await this.searchRead('stock.move', changedSince(since), ['product'], context);
      const ids = [...new Set(moves.map((m: any) => m.product as number))];
      if (ids.length === 0) return [];
      productDomain = [['id', 'in', ids]];
    }
    const records: ErpStockRecord[] = [];
    for (const warehouse of warehouses as any[]) {
      const rows = await this.searchRead('product.product', productDomain, ['code', 'quantity', 'forecast_quantity'], await this.context({ locations: [warehouse.id], with_childs: true }));
      for (const r of rows as any[]) {
        const onHand = new Decimal(r.quantity ?? 0);
        const reserved = Decimal.max(0, onHand.minus(r.forecast_quantity ?? 0));
        records.push({ key: `${warehouse.code}:${r.code}`, warehouseCode: warehouse.code, warehouseName: warehouse.name, sku: r.code, onHand: onHand.toString(), reserved: reserved.toString(), nextReceiptDate: null, nextReceiptQuantity: null });
      }
    }
    records.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return key ? records.filter((r) => r.key === key) : records;
  }

  private async customers(since: string | null, offset: number, limit: number | null, key?: string): Promise<ErpCustomerRecord[]> {
    const domain = [['code', '!=', null], ['id', '!=', (await this.companyParty())], ...(key ? [['code', '=', key]] : changedSince(since, ['addresses']))];
    const parties = await this.searchRead('party.party', domain, ['code', 'name', 'active'], await this.context(WITH_INACTIVE), offset, limit);
    if (parties.length === 0) return [];
    const addresses = await this.searchRead('party.address', [['party', 'in', parties.map((p: any) => p.id)]], ['party', 'name', 'street', 'postal_code', 'city', 'country.code', 'invoice', 'delivery'], await this.context());
    const currency = (await this.companyInfo()).currency;
    return parties.map((party: any) => {
      const own = (addresses as any[]).filter((a) => a.party === party.id).map((a) => ({ raw: a, address: toAddress(a, party.name) }));
      const invoice = own.find((a) => a.raw.invoice) ?? own[0];
      const deliveries = own.filter((a) => a.raw.delivery);
      const invoiceAddress: ErpAddress = invoice?.address ?? { code: 'NONE', name: party.name, street: '', postalCode: '', city: '', country: '' };
      return {
        customerNumber: party.code, name: party.name, currency, country: invoiceAddress.country, customerGroup: null,
        creditLimit: '0', balance: '0', blocked: !party.active, paymentTermsDays: 0,
        invoiceAddress, deliveryAddresses: (deliveries.length ? deliveries : own).map((a) => a.address),
      };
    });
  }

  private companyPartyId: number | null = null;
  private async companyParty(): Promise<number> {
    if (this.companyPartyId === null) {
      const [company] = await this.rpc.call<any[]>('model.company.company.read', [[(await this.companyInfo()).id], ['party'], {}]);
      this.companyPartyId = company.party as number;
    }
    return this.companyPartyId;
  }

  private async orders(since: string | null, offset: number, limit: number | null, key?: string, byReference?: string): Promise<Array<ErpOrderRecord & { draftId?: number }>> {
    const filter = byReference !== undefined ? [['reference', '=', byReference]] : key ? [['number', '=', key]] : changedSince(since, ['lines']);
    // Looked up by key, a sale of any state counts (a push that stopped after creating it is completed, never repeated).
    const domain = byReference !== undefined ? filter : [['state', 'in', ORDER_STATES], ...filter];
    const fields = ['number', 'reference', 'party.code', 'state', 'shipment_state', 'invoice_state', 'sale_date', 'currency.code', 'total_amount', 'shipment_address', 'description'];
    const sales = await this.searchRead('sale.sale', domain, fields, await this.context(), offset, limit);
    if (sales.length === 0) return [];
    const lines = await this.searchRead('sale.line', [['sale', 'in', sales.map((s: any) => s.id)], ['type', '=', 'line']], ['sale', 'sequence', 'product.code', 'quantity', 'unit_price', 'amount', 'note'], await this.context());
    return sales.map((sale: any) => {
      const own = (lines as any[]).filter((l) => l.sale === sale.id);
      return {
        ...(ORDER_STATES.includes(sale.state) ? {} : { draftId: sale.id as number }),
        orderNumber: sale.number, hubOrderId: sale.reference || null, customerNumber: sale['party.']?.code ?? '', status: orderStatus(sale),
        placedAt: `${sale.sale_date}T00:00:00.000Z`, currency: sale['currency.']?.code ?? '', total: new Decimal(sale.total_amount ?? 0).toFixed(2),
        lines: own.map((l, i) => ({
          lineNo: i + 1, sku: l['product.']?.code ?? '', quantity: new Decimal(l.quantity).toString(), unitPrice: new Decimal(l.unit_price).toFixed(4),
          lineTotal: new Decimal(l.amount ?? 0).toFixed(2), orderedLineNo: orderedLineNo(l.note),
        })),
        deliveryAddressCode: sale.shipment_address ? `A${sale.shipment_address}` : null,
        customerReference: sale.description || null,
      };
    });
  }

  /**
   * An invoice or credit note as PDF. Tryton's own report (account.invoice) is handed on when it
   * is a PDF (trytond converts its ODT template with LibreOffice when that is installed); otherwise
   * the hub prints the posted invoice from Tryton's record in the shared document layout.
   */
  async fetchDocument(kind: ErpDocumentKind, number: string): Promise<Buffer> {
    if (kind !== 'invoice' && kind !== 'creditNote') throw new ErpError('VALIDATION', `tryton ERP: the adapter prints no ${kind} documents (asked for ${number})`);
    const context = await this.context();
    const sign = kind === 'invoice' ? INVOICES : CREDIT_NOTES;
    const [invoice] = await this.searchRead('account.invoice', [...sign, ['number', '=', number], ['state', 'in', ISSUED_STATES]], ['id'], context, 0, 1);
    if (!invoice) throw new ErpError('VALIDATION', `tryton ERP: no issued ${kind === 'invoice' ? 'invoice' : 'credit note'} ${number}`, null, `no ${kind} ${number}`);
    const [format, data] = await this.rpc.call<[string, Buffer | string, boolean, string]>('report.account.invoice.execute', [[invoice.id], {}, context]);
    if (format === 'pdf' && Buffer.isBuffer(data)) return data;
    return renderDocument(trytonInvoiceDocument(await this.invoicePrintout(invoice.id)), TRYTON_PRINTER);
  }

  /** What the hub prints of a Tryton invoice: its record, lines, taxes, the parties' addresses and the sale it came from. */
  private async invoicePrintout(id: number): Promise<TrytonInvoicePrintout> {
    const context = await this.context();
    const [invoice] = await this.rpc.call<any[]>('model.account.invoice.read', [[id], [...INVOICE_FIELDS, 'party.name', 'invoice_address', 'payment_term.name', 'description', 'reference', 'company'], context]);
    const [lines, taxes, due, sales, [company]] = await Promise.all([
      this.searchRead('account.invoice.line', [['invoice', '=', id], ['type', '=', 'line']], ['product.code', 'description', 'quantity', 'unit.symbol', 'unit_price', 'amount'], context),
      this.searchRead('account.invoice.tax', [['invoice', '=', id]], ['description', 'amount'], context),
      this.dueDates([invoice]),
      this.invoicedSales([invoice]),
      this.rpc.call<any[]>('model.company.company.read', [[invoice.company], ['party.name', 'party.addresses'], context]),
    ]);
    const addressIds = [invoice.invoice_address, company['party.']?.addresses?.[0]].filter((a) => typeof a === 'number');
    const addresses = addressIds.length ? await this.rpc.call<any[]>('model.party.address.read', [addressIds, ['street', 'postal_code', 'city', 'country.name', 'country.code'], context]) : [];
    const address = (addressId: number | undefined) => {
      const a = addresses.find((x) => x.id === addressId);
      return a ? [a.street ?? '', `${a.postal_code ?? ''} ${a.city ?? ''}`.trim(), a['country.']?.name ?? ''].filter(Boolean) : [];
    };
    const sale = sales.get(id);
    return {
      number: invoice.number, creditNote: new Decimal(invoice.total_amount).lt(0), issuedOn: invoice.invoice_date, dueOn: due.get(id)!,
      currency: invoice['currency.']?.code ?? '', customerNumber: invoice['party.']?.code ?? '', customerName: invoice['party.']?.name ?? '',
      customerAddress: address(invoice.invoice_address), sellerName: company['party.']?.name ?? '', sellerAddress: address(company['party.']?.addresses?.[0]),
      orderNumber: sale?.number ?? null, description: invoice.description || null, paymentTerm: invoice['payment_term.']?.name ?? null,
      paid: invoice.state === 'paid', amountToPay: invoice.amount_to_pay,
      lines: (lines as any[]).map((l) => ({ sku: l['product.']?.code ?? '', description: l.description ?? '', quantity: l.quantity, unit: l['unit.']?.symbol ?? '', unitPrice: l.unit_price, amount: l.amount })),
      taxes: (taxes as any[]).map((t) => ({ description: t.description, amount: t.amount })),
      untaxedAmount: invoice.untaxed_amount, taxAmount: invoice.tax_amount, totalAmount: invoice.total_amount,
    };
  }

  async push<C extends string>(collection: C, document: ErpSubmissionOf<C>, idempotencyKey: string): Promise<ErpReceiptOf<C>> {
    if (collection === 'orders') return (await this.pushOrder(document as ErpOrderSubmission, idempotencyKey)) as ErpReceiptOf<C>;
    if (collection === 'customers') return (await this.pushCustomer(document as ErpCustomerSubmission, idempotencyKey)) as ErpReceiptOf<C>;
    throw new ErpError('VALIDATION', `tryton ERP: the adapter does not push ${collection}`);
  }

  async findByKey<C extends string>(collection: C, idempotencyKey: string): Promise<ErpReceiptOf<C> | null> {
    if (collection === 'orders') {
      const [order] = await this.orders(null, 0, 1, undefined, idempotencyKey);
      return order && order.draftId === undefined ? ({ orderNumber: order.orderNumber, status: order.status } as ErpReceiptOf<C>) : null;
    }
    if (collection === 'customers') return (await this.findCustomer(idempotencyKey)) as ErpReceiptOf<C> | null;
    throw new ErpError('VALIDATION', `tryton ERP: the adapter does not push ${collection}`);
  }

  /** A sale in Tryton, quoted and confirmed, with the key as its reference; a key already used gives the first sale's receipt. */
  private async pushOrder(order: ErpOrderSubmission, key: string) {
    const [existing] = await this.orders(null, 0, 1, undefined, key);
    if (existing && existing.draftId !== undefined) {
      // Created by an earlier attempt that stopped before confirming it: confirm that one.
      return this.confirmSale(existing.draftId, await this.context());
    }
    if (existing) {
      const same = existing.lines.length === order.lines.length
        && order.lines.every((l, i) => existing.lines[i].sku === l.sku && new Decimal(existing.lines[i].quantity).eq(l.quantity));
      if (!same) throw new ErpError('CONFLICT', `tryton ERP: key ${key} was used for sale ${existing.orderNumber} with other lines`, null, 'the key was used for another order');
      return { orderNumber: existing.orderNumber, status: existing.status };
    }
    const context = await this.context();
    const [party] = await this.searchRead('party.party', [['code', '=', order.customerNumber]], ['addresses'], context);
    if (!party) throw new ErpError('VALIDATION', `tryton ERP: no party with code ${order.customerNumber}`, null, `customer ${order.customerNumber} is unknown`);
    const skus = [...new Set(order.lines.map((l) => l.sku))];
    const products = await this.searchRead('product.product', [['code', 'in', skus]], ['code', 'default_uom', 'name'], context);
    const bySku = new Map(products.map((p: any) => [p.code as string, p]));
    const missing = skus.filter((s) => !bySku.has(s));
    if (missing.length) throw new ErpError('VALIDATION', `tryton ERP: no product with code ${missing.join(', ')}`, null, `unknown products ${missing.join(', ')}`);
    const [currency] = await this.searchRead('currency.currency', [['code', '=', order.currency]], ['code'], context);
    if (!currency) throw new ErpError('VALIDATION', `tryton ERP: currency ${order.currency} is unknown`, null, `currency ${order.currency} is unknown`);
    const addressIds: number[] = party.addresses ?? [];
    const delivery = order.deliveryAddressCode ? Number(order.deliveryAddressCode.replace(/^A/, '')) : null;
    if (delivery !== null && !addressIds.includes(delivery)) throw new ErpError('VALIDATION', `tryton ERP: address ${order.deliveryAddressCode} is not one of ${order.customerNumber}'s`, null, 'unknown delivery address');
    const addresses = await this.searchRead('party.address', [['party', '=', party.id]], ['invoice', 'delivery'], context);
    const invoiceAddress = (addresses.find((a: any) => a.invoice) ?? addresses[0])?.id ?? null;
    const shipmentAddress = delivery ?? (addresses.find((a: any) => a.delivery) ?? addresses[0])?.id ?? null;
    const values = {
      company: context.company, party: party.id, currency: currency.id, reference: key, description: order.customerReference ?? null,
      comment: order.notes ?? null, invoice_address: invoiceAddress, shipment_address: shipmentAddress,
      sale_date: { __class__: 'date', year: Number(order.placedAt.slice(0, 4)), month: Number(order.placedAt.slice(5, 7)), day: Number(order.placedAt.slice(8, 10)) },
      invoice_method: 'manual', shipment_method: 'order', warehouse: await this.defaultWarehouse(),
      lines: [['create', order.lines.map((l) => {
        const product = bySku.get(l.sku);
        return {
          type: 'line', product: product.id, unit: product.default_uom, quantity: Number(l.quantity), description: product.name,
          unit_price: { __class__: 'Decimal', decimal: new Decimal(l.unitPrice).toFixed(4) }, note: `hub line ${l.lineNo}`,
        };
      })]],
    };
    const [id] = await this.rpc.call<number[]>('model.sale.sale.create', [[values], context], true);
    return this.confirmSale(id, context);
  }

  private async confirmSale(id: number, context: Record<string, unknown>) {
    const [current] = await this.rpc.call<any[]>('model.sale.sale.read', [[id], ['state'], context]);
    if (current.state === 'draft') await this.rpc.call('model.sale.sale.quote', [[id], context], true);
    await this.rpc.call('model.sale.sale.confirm', [[id], context], true);
    const [sale] = await this.rpc.call<any[]>('model.sale.sale.read', [[id], ['number', 'state', 'shipment_state', 'invoice_state'], context]);
    return { orderNumber: sale.number as string, status: orderStatus(sale) };
  }

  private async defaultWarehouse(): Promise<number> {
    const [warehouse] = await this.searchRead('stock.location', [['type', '=', 'warehouse']], ['code'], await this.context(), 0, 1);
    if (!warehouse) throw new ErpError('VALIDATION', 'tryton ERP: the database has no warehouse');
    return warehouse.id;
  }

  private async findCustomer(key: string): Promise<{ customerNumber: string; contactNumber: string } | null> {
    const context = await this.context();
    const [identifier] = await this.searchRead('party.identifier', [['code', '=', `hub:${key}`]], ['party'], context);
    if (!identifier) return null;
    const [party] = await this.rpc.call<any[]>('model.party.party.read', [[identifier.party], ['code', 'contact_mechanisms'], context]);
    return { customerNumber: party.code, contactNumber: `CM${party.contact_mechanisms?.[0] ?? party.id}` };
  }

  /** A new customer as a party with its invoice address and e-mail; the key is kept as a party identifier ("hub:<key>"). */
  private async pushCustomer(customer: ErpCustomerSubmission, key: string) {
    const found = await this.findCustomer(key);
    if (found) return found;
    const context = await this.context();
    const [country] = await this.searchRead('country.country', [['code', '=', customer.invoiceAddress.country]], ['code'], context);
    const address = { street: customer.invoiceAddress.street, postal_code: customer.invoiceAddress.postalCode, city: customer.invoiceAddress.city, country: country?.id ?? null, invoice: true, delivery: true };
    const values = {
      name: customer.name, addresses: [['create', [address]]], contact_mechanisms: [['create', [{ type: 'email', value: customer.email }]]],
      identifiers: [['create', [{ code: `hub:${key}` }, ...(customer.vatNumber ? [{ code: customer.vatNumber }] : [])]]],
    };
    await this.rpc.call<number[]>('model.party.party.create', [[values], context], true);
    const receipt = await this.findCustomer(key);
    if (!receipt) throw new ErpError('UNKNOWN_OUTCOME', `tryton ERP: the party for key ${key} was created but cannot be found`);
    return receipt;
  }
}

/** An amount of money as Tryton's Decimal, to two places. */
function money(value: Decimal.Value | null | undefined): string {
  return new Decimal(value ?? 0).toFixed(2);
}

function sliced<T>(rows: T[], offset: number, limit: number | null): T[] {
  return rows.slice(offset, limit === null ? undefined : offset + limit);
}

function categoryId(code: string): number {
  const id = Number(code.replace(/^CAT-/, ''));
  return Number.isInteger(id) ? id : -1;
}

function toAddress(a: any, partyName: string): ErpAddress {
  return { code: `A${a.id}`, name: a.name || partyName, street: a.street ?? '', postalCode: a.postal_code ?? '', city: a.city ?? '', country: a['country.']?.code ?? '' };
}

/** A fixed price ("12.50") or a factor of the list price ("unit_price * 0.9"); null for formulas the hub cannot evaluate. */
export function formulaPrice(formula: string, listPrice: string): Decimal | null {
  const text = formula.replace(/\s+/g, '');
  if (/^\d+(\.\d+)?$/.test(text)) return new Decimal(text);
  const factor = /^unit_price\*(\d+(\.\d+)?)$/.exec(text) ?? /^(\d+(\.\d+)?)\*unit_price$/.exec(text);
  if (factor) return new Decimal(listPrice).times(factor[1]).toDecimalPlaces(4);
  if (text === 'unit_price') return new Decimal(listPrice);
  return null;
}

function orderedLineNo(note: string | null | undefined): number | null {
  const match = /^hub line (\d+)$/.exec(note ?? '');
  return match ? Number(match[1]) : null;
}

/** Tryton's sale state, shipment and invoice states as the hub's order status. */
export function orderStatus(sale: { state: string; shipment_state?: string; invoice_state?: string }): ErpOrderStatus {
  if (sale.state === 'cancel') return 'CANCELLED';
  if (sale.invoice_state === 'paid') return 'INVOICED';
  if (sale.shipment_state === 'sent') return 'SHIPPED';
  return 'CONFIRMED';
}
