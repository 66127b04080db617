import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput } from '@hub/errors';
import { OrderEntity } from './order.entity';
import { OrderLineEntity } from './order-line.entity';
import { OrderStatus } from './order-status';
import { OrderStatusEventEntity } from './order-status-event.entity';

/** What a page of orders is filtered by; null fields do not filter. */
export interface OrderQuery {
  /** One company's orders; null: every company's (staff). */
  companyId: string | null;
  /** Any of these statuses; null: any status. */
  statuses: readonly OrderStatus[] | null;
  /** Placed at or after. */
  placedFrom: Date | null;
  /** Placed before. */
  placedBefore: Date | null;
  branchId: string | null;
}

export interface OrderPage {
  orders: OrderEntity[];
  hasNextPage: boolean;
  cursorOf(order: OrderEntity): string;
  /** How many orders match over all pages (one query, only when asked). */
  totalCount(): Promise<number>;
}

interface Cursor {
  /** placed_at as PostgreSQL keeps it (microseconds). */
  t: string;
  i: string;
}

export function encodeOrderCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeOrderCursor(text: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (typeof c?.t === 'string' && /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(c.t) && typeof c.i === 'string' && /^[0-9a-f-]{36}$/.test(c.i)) return { t: c.t, i: c.i };
  } catch {
    // refused below
  }
  throw badUserInput('Invalid cursor.', 'after');
}

export class OrderRepository {
  constructor(private readonly em: EntityManager) {}

  private where(query: OrderQuery): { sql: string[]; params: unknown[] } {
    const sql: string[] = [];
    const params: unknown[] = [];
    if (query.companyId) sql.push('o.company_id = ?'), params.push(query.companyId);
    if (query.statuses) sql.push('o.status = any(?::text[])'), params.push(`{${query.statuses.join(',')}}`);
    if (query.placedFrom) sql.push('o.placed_at >= ?'), params.push(query.placedFrom);
    if (query.placedBefore) sql.push('o.placed_at < ?'), params.push(query.placedBefore);
    if (query.branchId) sql.push('o.branch_id = ?'), params.push(query.branchId);
    return { sql, params };
  }

  /**
   * Newest first (by placing time, then id: both never change, so a cursor stays valid while orders
   * move on), `first` orders after the cursor, with whether more follow.
   */
  async page(query: OrderQuery, first: number, after: string | null): Promise<OrderPage> {
    const { sql, params } = this.where(query);
    const filters = [...sql];
    const pageParams = [...params];
    if (after) {
      const cursor = decodeOrderCursor(after);
      filters.push('(o.placed_at, o.id) < (?::timestamptz, ?::uuid)');
      pageParams.push(cursor.t, cursor.i);
    }
    const rows = await this.em.execute<Array<Record<string, unknown>>>(
      `select o.*, to_char(o.placed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at
         from orders.customer_order o ${filters.length ? `where ${filters.join(' and ')}` : ''}
        order by o.placed_at desc, o.id desc limit ?`,
      [...pageParams, first + 1],
    );
    const cursors = new Map<string, string>();
    const orders = rows.slice(0, first).map((row) => {
      const order = this.em.map(OrderEntity, row);
      cursors.set(order.id, encodeOrderCursor({ t: String(row.cursor_at), i: order.id }));
      return order;
    });
    let count: Promise<number> | null = null;
    return {
      orders,
      hasNextPage: rows.length > first,
      cursorOf: (order) => cursors.get(order.id)!,
      totalCount: () =>
        (count ??= this.em
          .execute<Array<{ n: number }>>(`select count(*)::int as n from orders.customer_order o ${sql.length ? `where ${sql.join(' and ')}` : ''}`, params)
          .then((r) => r[0].n)),
    };
  }

  /** The newest `perCompany` orders of each company, in one statement for all of them (Company.orders across a page of companies). */
  async newestPerCompany(companyIds: readonly string[], perCompany: number): Promise<OrderEntity[]> {
    if (companyIds.length === 0) return [];
    const rows = await this.em.getConnection().execute<Array<Record<string, unknown>>>(
      `select o.* from (select *, row_number() over (partition by company_id order by placed_at desc, number desc) as rn
         from "orders"."customer_order" where company_id in (${companyIds.map(() => '?').join(', ')})) o
       where o.rn <= ? order by o.placed_at desc, o.number desc`,
      [...companyIds, perCompany],
    );
    return rows.map((row) => this.em.map(OrderEntity, row));
  }

  /** The orders' lines in line order, in one query. */
  linesOf(orderIds: readonly string[]): Promise<OrderLineEntity[]> {
    return this.em.find(OrderLineEntity, { order: { $in: [...orderIds] } }, { orderBy: { lineNo: 'asc' } });
  }

  /** The orders' timelines, oldest entry first, in one query. */
  timelinesOf(orderIds: readonly string[]): Promise<OrderStatusEventEntity[]> {
    return this.em.find(OrderStatusEventEntity, { orderId: { $in: [...orderIds] } }, { orderBy: { at: 'asc', id: 'asc' } });
  }

  /**
   * The company's order placed with this idempotency key, lines included. On a fork of its own: it
   * is read again after a failed insert, whose entities must not come back from the identity map.
   */
  findByIdempotencyKey(companyId: string, key: string): Promise<OrderEntity | null> {
    return this.em.fork().findOne(OrderEntity, { companyId, idempotencyKey: key }, { populate: ['lines'] });
  }

  /** The order and its lines, locked until the transaction ends (someone deciding on it waits for whoever decides first). Needs a transactional EntityManager. */
  async lockedWithLines(id: string): Promise<{ order: OrderEntity; lines: OrderLineEntity[] } | null> {
    const order = await this.em.findOne(OrderEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!order) return null;
    const lines = await this.em.find(OrderLineEntity, { order: id }, { orderBy: { lineNo: 'asc' } });
    return { order, lines };
  }
}
