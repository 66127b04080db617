import { EntityManager } from '@mikro-orm/postgresql';
import { Decimal } from '@hub/money';
import { CREDIT_EXPOSURE_STATUSES } from '../order/order.state-machine';
import { OrderStatus } from '../order/order-status';
import { HoldRuleEntity } from './hold-rule.entity';

/**
 * What the hold rules read besides the company's facts (OrderingFactsRepository): the company's
 * open orders and today's order count. Called with the placing transaction's EntityManager, after
 * `lockCompany`, so two orders of one company are judged one after the other; and the staff's list.
 */
export class HoldRuleRepository {
  constructor(private readonly em: EntityManager) {}

  /** Every stored rule, for staff: the ones for every company first, then by company and kind. */
  all(): Promise<HoldRuleEntity[]> {
    return this.em.find(HoldRuleEntity, {}, { orderBy: { companyId: 'asc nulls first', kind: 'asc' } });
  }

  /** Serializes the placement of one company's orders until the transaction ends (credit and daily counts include each other). */
  async lockCompany(companyId: string): Promise<void> {
    await this.em.execute(`select pg_advisory_xact_lock(hashtext('orders.hold-rules'), hashtext(?))`, [companyId]);
  }

  /**
   * What the company's orders not yet invoiced are worth, with tax, in one currency: orders on
   * their way to the ERP or in it before INVOICED; tax as the hub computed it for web orders, at the
   * company's rate for orders entered in the ERP.
   */
  async openOrdersValue(companyId: string, currency: string, taxRatePercent: string | null, exceptOrderId: string | null): Promise<Decimal> {
    const [row] = await this.em.execute<Array<{ value: string | null }>>(
      `select coalesce(sum(o.total + coalesce(o.tax_total, round(o.total * coalesce(?::numeric, 0) / 100, 2))), 0)::text as value
         from orders.customer_order o
        where o.company_id = ? and o.currency = ? and o.status = any(?::text[]) and o.id is distinct from ?::uuid`,
      [taxRatePercent, companyId, currency, `{${CREDIT_EXPOSURE_STATUSES.join(',')}}`, exceptOrderId],
    );
    return new Decimal(row?.value ?? 0);
  }

  /** The company's orders placed on the web on the day of `now` (UTC), rejected ones aside. */
  async webOrdersToday(companyId: string, now: Date, exceptOrderId: string | null): Promise<number> {
    const day = `${now.toISOString().slice(0, 10)}T00:00:00Z`;
    const [row] = await this.em.execute<Array<{ n: number }>>(
      `select count(*)::int as n from orders.customer_order o
        where o.company_id = ? and o.placed_by_user_id is not null and o.placed_at >= ?::timestamptz and o.placed_at < ?::timestamptz + interval '1 day'
          and o.status <> ? and o.id is distinct from ?::uuid`,
      [companyId, day, day, OrderStatus.REJECTED, exceptOrderId],
    );
    return row?.n ?? 0;
  }
}
