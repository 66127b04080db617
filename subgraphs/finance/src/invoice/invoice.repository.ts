import { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput } from '@hub/errors';
import { InvoiceEntity } from './invoice.entity';
import { SortDirection, InvoiceSortField } from './invoice.inputs';
import { InvoiceStatus } from './invoice-status';

/** What a list of invoices is filtered by, as the service validated it; null fields do not filter. */
export interface InvoiceQuery {
  /** One company's invoices; null: every company's (staff only). */
  companyId: string | null;
  /** Issued at or after. */
  issuedFrom: Date | null;
  /** Issued before. */
  issuedBefore: Date | null;
  status: InvoiceStatus | null;
  /** Decimal strings, min ≤ max. */
  minTotal: string | null;
  maxTotal: string | null;
  orderId: string | null;
  sort: { field: InvoiceSortField; direction: SortDirection };
}

/** An invoice row as the list reads it: plain values, never in the ORM's identity map (exports read 10,000s). */
export interface InvoiceRow {
  id: string;
  number: string;
  companyId: string;
  orderId: string | null;
  orderNumber: string | null;
  issuedAt: Date;
  dueAt: Date;
  currency: string;
  netTotal: string | null;
  taxTotal: string | null;
  total: string;
  openAmount: string | null;
  status: InvoiceStatus;
  digitallySigned: boolean;
}

export interface InvoicePage {
  rows: InvoiceRow[];
  hasNextPage: boolean;
  cursorOf(row: InvoiceRow): string;
  /** How many invoices match over all pages (one more statement, only when asked). */
  totalCount(): Promise<number>;
}

interface Cursor {
  f: InvoiceSortField;
  d: SortDirection;
  /** The sort value of the last row seen, as text (timestamps in UTC with microseconds). */
  v: string;
  i: string;
}

const TIMESTAMP_TEXT = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Per sort field: the column, its value as cursor text, the cast back, and what valid cursor text looks like. */
const SORTS: Record<InvoiceSortField, { column: string; text: string; cast: string; pattern: RegExp }> = {
  NUMBER: { column: 'i.number', text: 'i.number', cast: '::text', pattern: /^.{1,200}$/s },
  ISSUED_AT: { column: 'i.issued_at', text: TIMESTAMP_TEXT('i.issued_at'), cast: '::timestamptz', pattern: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/ },
  DUE_AT: { column: 'i.due_at', text: TIMESTAMP_TEXT('i.due_at'), cast: '::timestamptz', pattern: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/ },
  TOTAL: { column: 'i.total', text: 'i.total::text', cast: '::numeric', pattern: /^-?\d{1,12}(\.\d{1,2})?$/ },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const COLUMNS = `i.id, i.number, i.company_id, i.order_id, i.order_number, i.issued_at, i.due_at, i.currency, i.net_total::text as net_total,
  i.tax_total::text as tax_total, i.total::text as total, i.open_amount::text as open_amount, i.status, i.digitally_signed`;

export function encodeInvoiceCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

/** Cursors are opaque: the sort, the last sort value and id seen. One from another sort, or not ours, is BAD_USER_INPUT. */
export function decodeInvoiceCursor(text: string, sort: InvoiceQuery['sort']): Cursor {
  let c: Partial<Cursor> | null = null;
  try {
    c = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    // refused below
  }
  if (!c || typeof c !== 'object' || typeof c.v !== 'string' || typeof c.i !== 'string' || !UUID.test(c.i)) throw badUserInput('Invalid cursor.', 'after');
  if (c.f !== sort.field || c.d !== sort.direction) throw badUserInput('The cursor is from a differently sorted list.', 'after');
  if (!SORTS[sort.field].pattern.test(c.v)) throw badUserInput('Invalid cursor.', 'after');
  return c as Cursor;
}

function rowOf(r: Record<string, any>): InvoiceRow {
  return {
    id: r.id, number: r.number, companyId: r.company_id, orderId: r.order_id, orderNumber: r.order_number, issuedAt: new Date(r.issued_at), dueAt: new Date(r.due_at),
    currency: String(r.currency).trim(), netTotal: r.net_total, taxTotal: r.tax_total, total: r.total, openAmount: r.open_amount, status: r.status, digitallySigned: r.digitally_signed,
  };
}

/** The invoice list's SQL: filters, sort and keyset pages in one statement each, whatever the page size. */
export class InvoiceRepository {
  constructor(private readonly em: EntityManager) {}

  private where(query: InvoiceQuery): { sql: string[]; params: unknown[] } {
    const sql: string[] = [];
    const params: unknown[] = [];
    if (query.companyId) sql.push('i.company_id = ?'), params.push(query.companyId);
    if (query.issuedFrom) sql.push('i.issued_at >= ?'), params.push(query.issuedFrom);
    if (query.issuedBefore) sql.push('i.issued_at < ?'), params.push(query.issuedBefore);
    if (query.status) sql.push('i.status = ?'), params.push(query.status);
    if (query.minTotal !== null) sql.push('i.total >= ?::numeric'), params.push(query.minTotal);
    if (query.maxTotal !== null) sql.push('i.total <= ?::numeric'), params.push(query.maxTotal);
    if (query.orderId) sql.push('i.order_id = ?'), params.push(query.orderId);
    return { sql, params };
  }

  /**
   * `first` invoices after the cursor in the query's order; ties on the sort value are ordered, and
   * paged, by id, so a page boundary never skips or repeats a row.
   */
  async page(query: InvoiceQuery, first: number, after: string | null): Promise<InvoicePage> {
    const { sql, params } = this.where(query);
    const sort = SORTS[query.sort.field];
    const dir = query.sort.direction === 'ASC' ? 'asc' : 'desc';
    const filters = [...sql];
    const pageParams = [...params];
    if (after) {
      const cursor = decodeInvoiceCursor(after, query.sort);
      filters.push(`(${sort.column}, i.id) ${dir === 'asc' ? '>' : '<'} (?${sort.cast}, ?::uuid)`);
      pageParams.push(cursor.v, cursor.i);
    }
    const rows = await this.em.execute<Array<Record<string, unknown>>>(
      `select ${COLUMNS}, ${sort.text} as sort_value from finance.invoice i ${filters.length ? `where ${filters.join(' and ')}` : ''}
        order by ${sort.column} ${dir}, i.id ${dir} limit ?`,
      [...pageParams, first + 1],
    );
    const sortValues = new Map<string, string>();
    const page = rows.slice(0, first).map((r) => {
      const row = rowOf(r);
      sortValues.set(row.id, String(r.sort_value));
      return row;
    });
    let count: Promise<number> | null = null;
    return {
      rows: page,
      hasNextPage: rows.length > first,
      cursorOf: (row) => encodeInvoiceCursor({ f: query.sort.field, d: query.sort.direction, v: sortValues.get(row.id)!, i: row.id }),
      totalCount: () =>
        (count ??= this.em
          .execute<Array<{ n: number }>>(`select count(*)::int as n from finance.invoice i ${sql.length ? `where ${sql.join(' and ')}` : ''}`, params)
          .then((r) => r[0].n)),
    };
  }

  /** Every matching invoice in order, a keyset page at a time: memory stays at one batch however many match. */
  async *all(query: InvoiceQuery, batchSize = 1000): AsyncGenerator<InvoiceRow[]> {
    let after: string | null = null;
    for (;;) {
      const page = await this.page(query, batchSize, after);
      if (page.rows.length > 0) yield page.rows;
      if (!page.hasNextPage) return;
      after = page.cursorOf(page.rows[page.rows.length - 1]);
    }
  }
}

/** A row as the Invoice type reads it (InvoiceObject.from). */
export function invoiceEntityOf(row: InvoiceRow): InvoiceEntity {
  return Object.assign(new InvoiceEntity(), row);
}
