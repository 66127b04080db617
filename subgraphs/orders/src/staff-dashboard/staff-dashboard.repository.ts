import { EntityManager } from '@mikro-orm/postgresql';
import { OrderChannel } from './staff-dashboard.object';

export interface ChannelFigures {
  channel: OrderChannel;
  orders: number;
  sales: Array<{ currency: string; amount: string }>;
}

/** The orders half of the staff dashboard: each figure one aggregate over an index (placed_at, status). */
export class StaffDashboardRepository {
  constructor(private readonly em: EntityManager) {}

  /** Orders placed in [from, to) per channel, with their totals per currency. */
  async ordersByChannel(from: Date, to: Date): Promise<ChannelFigures[]> {
    const rows: Array<{ channel: OrderChannel; currency: string; orders: number; sales: string }> = await this.em.execute(
      `select case when guest_contact is not null then 'SHOP' when placed_by_user_id is null then 'ERP' when placed_by_actor_id is not null then 'STAFF' else 'WEB' end as channel,
              currency, count(*)::int as orders,
              coalesce(sum(total) filter (where status not in ('REJECTED', 'CANCELLED')), 0)::text as sales
         from orders.customer_order where placed_at >= ? and placed_at < ?
        group by 1, 2`,
      [from, to],
    );
    return [OrderChannel.WEB, OrderChannel.STAFF, OrderChannel.SHOP, OrderChannel.ERP].map((channel) => {
      const mine = rows.filter((r) => r.channel === channel).sort((a, b) => a.currency.localeCompare(b.currency));
      return { channel, orders: mine.reduce((n, r) => n + r.orders, 0), sales: mine.map((r) => ({ currency: r.currency, amount: r.sales })) };
    });
  }

  /** Offers sent, and decided by their customers, in [from, to). */
  async offers(from: Date, to: Date): Promise<{ sent: number; accepted: number; rejected: number }> {
    const rows: Array<{ sent: number; accepted: number; rejected: number }> = await this.em.execute(
      `select count(*) filter (where sent_at >= ? and sent_at < ?)::int as sent,
              count(*) filter (where decided_at >= ? and decided_at < ? and status in ('ACCEPTED', 'PARTLY_ACCEPTED'))::int as accepted,
              count(*) filter (where decided_at >= ? and decided_at < ? and status = 'REJECTED')::int as rejected
         from orders.offer where (sent_at >= ? and sent_at < ?) or (decided_at >= ? and decided_at < ?)`,
      [from, to, from, to, from, to, from, to, from, to],
    );
    return rows[0];
  }

  /** Orders waiting on someone now: a coworker's approval, staff review of a hold, staff after an ERP refusal. */
  async waiting(): Promise<{ awaitingApproval: number; onHold: number; erpRefused: number }> {
    const rows: Array<{ status: string; n: number }> = await this.em.execute(
      `select status, count(*)::int as n from orders.customer_order where status in ('AWAITING_APPROVAL', 'ON_HOLD', 'ERP_REFUSED') group by status`,
    );
    const count = (status: string) => rows.find((r) => r.status === status)?.n ?? 0;
    return { awaitingApproval: count('AWAITING_APPROVAL'), onHold: count('ON_HOLD'), erpRefused: count('ERP_REFUSED') };
  }
}
