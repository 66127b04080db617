import { currentTraceparent } from '@hub/observability';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput } from '@hub/errors';
import { OrderEntity } from './order.entity';
import { OrderLineEntity } from './order-line.entity';
import type { LineConfiguration } from '../pricing/order-pricing.client';
import { OrderEventSource, OrderStatus } from './order-status';
import { OrderEventDetails, OrderStatusEventEntity } from './order-status-event.entity';

/** A new order as placed, with everything written with it (see insertPlaced). */
export interface PlacedOrder {
  order: Pick<
    OrderEntity,
    | 'id' | 'number' | 'idempotencyKey' | 'requestFingerprint' | 'companyId' | 'customerNumber' | 'placedByUserId' | 'placedByActorId' | 'status' | 'holdReasons'
    | 'placedAt' | 'currency' | 'total' | 'taxTotal' | 'deliveryAddressCode' | 'pickupStoreCode' | 'branchId' | 'customerReference' | 'notes' | 'quoteId' | 'quotePriceChanges' | 'paymentMethod'
  > & { delivery?: OrderEntity['delivery']; discounts?: OrderEntity['discounts'] };
  /** In line order; line numbers are their positions from 1. */
  lines: Array<{ productId: string; sku: string; quantity: string; unitPrice: string; lineTotal: string; configuration?: LineConfiguration | null }>;
  /** The first entries of its timeline, in order. */
  events: Array<{ status: OrderStatus; previousStatus: OrderStatus | null; source: OrderEventSource; actorUserId: string | null; onBehalfActorId: string | null; reason: string | null; details: OrderEventDetails | null }>;
  /** The outbox message that takes it to the ERP, when it may go there now. */
  outbox: { topic: string; payload: object } | null;
  /** The basket lines it was placed from (emptied with it). */
  basket: { userId: string; productIds: string[] } | null;
  /** The event announcing it (encoded for pg_notify). */
  announce: { channel: string; payload: string };
}

/** A PostgreSQL array literal of plain values (ids, SKUs, decimals). */
function pgArray(values: readonly (string | null)[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : `"${v.replace(/["\\]/g, '\\$&')}"`)).join(',')}}`;
}

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

  /**
   * Writes a placed order in one statement, inside the placing transaction (its EntityManager):
   * the order (its discounts included), its lines, its first timeline entries, its outbox message (when it goes to the ERP
   * now), the removal of the basket lines it came from, and the event announcing it, which
   * PostgreSQL delivers on commit. Placing is the hub's hottest write; one round trip keeps it cheap.
   */
  async insertPlaced(placed: PlacedOrder): Promise<void> {
    const { order: o, lines, events, outbox, basket, announce } = placed;
    await this.em.execute(
      `with o as (
         insert into orders.customer_order (id, number, idempotency_key, request_fingerprint, company_id, customer_number, placed_by_user_id, placed_by_actor_id,
           status, hold_reasons, placed_at, currency, total, tax_total, delivery_address_code, pickup_store_code, branch_id, customer_reference, notes, quote_id, quote_price_changes, delivery, discounts, payment_method, updated_at)
         values (?::uuid, ?, ?, ?, ?::uuid, ?, ?::uuid, ?::uuid, ?, ?::jsonb, ?::timestamptz, ?, ?::numeric, ?::numeric, ?, ?, ?::uuid, ?, ?, ?::uuid, ?::jsonb, ?::jsonb, ?::jsonb, ?, now())
         returning id
       ), l as (
         insert into orders.order_line (id, order_id, line_no, ordered_line_no, product_id, sku, quantity, unit_price, line_total, back_ordered, configuration)
         select gen_random_uuid(), o.id, x.n, x.n, x.product_id, x.sku, x.quantity, x.unit_price, x.line_total, false, x.configuration
           from o, unnest(?::uuid[], ?::text[], ?::numeric[], ?::numeric[], ?::numeric[], ?::jsonb[]) with ordinality as x(product_id, sku, quantity, unit_price, line_total, configuration, n)
       ), e as (
         insert into orders.order_status_event (id, order_id, at, status, previous_status, source, actor_user_id, on_behalf_actor_id, reason, details)
         select gen_random_uuid(), o.id, ?::timestamptz + x.n * interval '1 millisecond', x.status, x.previous, x.source, x.actor, x.behalf, x.reason, x.details
           from o, unnest(?::text[], ?::text[], ?::text[], ?::uuid[], ?::uuid[], ?::text[], ?::jsonb[]) with ordinality as x(status, previous, source, actor, behalf, reason, details, n)
       ), m as (
         insert into orders.outbox_message (id, topic, key, payload, status, attempts, next_attempt_at, created_at, traceparent)
         select gen_random_uuid(), ?, o.id::text, ?::jsonb, 'PENDING', 0, now(), now(), ? from o where ?::boolean
       ), b as (
         delete from orders.basket_line where ?::boolean and basket_user_id = ?::uuid and product_id = any(?::uuid[])
       )
       select pg_notify(?, ?) from o`,
      [
        o.id, o.number, o.idempotencyKey, o.requestFingerprint, o.companyId, o.customerNumber, o.placedByUserId, o.placedByActorId,
        o.status, o.holdReasons ? JSON.stringify(o.holdReasons) : null, o.placedAt.toISOString(), o.currency, o.total, o.taxTotal,
        o.deliveryAddressCode, o.pickupStoreCode ?? null, o.branchId, o.customerReference, o.notes, o.quoteId, o.quotePriceChanges ? JSON.stringify(o.quotePriceChanges) : null,
        o.delivery ? JSON.stringify(o.delivery) : null, o.discounts ? JSON.stringify(o.discounts) : null, o.paymentMethod ?? null,
        pgArray(lines.map((l) => l.productId)), pgArray(lines.map((l) => l.sku)), pgArray(lines.map((l) => l.quantity)), pgArray(lines.map((l) => l.unitPrice)), pgArray(lines.map((l) => l.lineTotal)),
        pgArray(lines.map((l) => (l.configuration ? JSON.stringify(l.configuration) : null))),
        o.placedAt.toISOString(),
        pgArray(events.map((e) => e.status)), pgArray(events.map((e) => e.previousStatus)), pgArray(events.map((e) => e.source)),
        pgArray(events.map((e) => e.actorUserId)), pgArray(events.map((e) => e.onBehalfActorId)), pgArray(events.map((e) => e.reason)),
        pgArray(events.map((e) => (e.details ? JSON.stringify(e.details) : null))),
        // The placing request's trace, so the delivery links back to it (as OutboxMessageBase takes it).
        outbox?.topic ?? '', JSON.stringify(outbox?.payload ?? {}), currentTraceparent(), outbox !== null,
        basket !== null, basket?.userId ?? null, pgArray(basket?.productIds ?? []),
        announce.channel, announce.payload,
      ],
    );
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
