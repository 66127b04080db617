import { EntityManager } from '@mikro-orm/postgresql';
import { LoyaltyEntryEntity, LoyaltyRedemptionEntity, LoyaltyRedemptionStatus, LoyaltyRewardKind } from './loyalty.entity';

/** The SQL of loyalty points beyond plain finds: the balance under the company's lock, and taking open discounts. */
export class LoyaltyRepository {
  constructor(private readonly em: EntityManager) {}

  /** Holds the company's points until the transaction ends: redemptions of one company run one after the other. Needs a transactional EntityManager. */
  async lockCompany(companyId: string): Promise<void> {
    await this.em.execute(`select pg_advisory_xact_lock(hashtext('orders.loyalty:' || ?))`, [companyId]);
  }

  async balance(companyId: string): Promise<number> {
    const [row] = await this.em.execute<Array<{ balance: number }>>('select coalesce(sum(points), 0)::int as balance from orders.loyalty_entry where company_id = ?::uuid', [companyId]);
    return row.balance;
  }

  history(companyId: string, first: number): Promise<LoyaltyEntryEntity[]> {
    return this.em.find(LoyaltyEntryEntity, { companyId }, { orderBy: { recordedAt: 'desc', at: 'desc', id: 'asc' }, limit: first });
  }

  openDiscounts(companyId: string): Promise<LoyaltyRedemptionEntity[]> {
    return this.em.find(LoyaltyRedemptionEntity, { companyId, kind: LoyaltyRewardKind.DISCOUNT, status: LoyaltyRedemptionStatus.OPEN }, { orderBy: { createdAt: 'asc' } });
  }

  /** Marks open discounts as applied to an order; returns how many were still open (another order may have taken one meanwhile). */
  async useDiscounts(ids: readonly string[], orderId: string): Promise<number> {
    if (ids.length === 0) return 0;
    const rows = await this.em.execute<Array<{ id: string }>>(
      `update orders.loyalty_redemption set status = 'USED', order_id = ?::uuid where id = any(?::uuid[]) and status = 'OPEN' returning id`,
      [orderId, `{${ids.join(',')}}`],
    );
    return rows.length;
  }
}
