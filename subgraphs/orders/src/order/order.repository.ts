import { EntityManager } from '@mikro-orm/postgresql';
import { OrderEntity } from './order.entity';
import { OrderLineEntity } from './order-line.entity';
import { OrderStatus } from './order-status';

/** Newest first: by placing time, then by number (several orders can share a second). */
const NEWEST_FIRST = { placedAt: 'desc', number: 'desc' } as const;

export class OrderRepository {
  constructor(private readonly em: EntityManager) {}

  /** Newest first, at most `first`; one company's (null: every company's), one status (null: any). */
  list(filter: { companyId: string | null; status: OrderStatus | null }, first: number): Promise<OrderEntity[]> {
    const where: { companyId?: string; status?: OrderStatus } = {};
    if (filter.companyId) where.companyId = filter.companyId;
    if (filter.status) where.status = filter.status;
    return this.em.find(OrderEntity, where, { orderBy: NEWEST_FIRST, limit: first });
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

  /**
   * The company's order placed with this idempotency key, lines included. On a fork of its own: it
   * is read again after a failed insert, whose entities must not come back from the identity map.
   */
  findByIdempotencyKey(companyId: string, key: string): Promise<OrderEntity | null> {
    return this.em.fork().findOne(OrderEntity, { companyId, idempotencyKey: key }, { populate: ['lines'] });
  }
}
