import { EntityManager } from '@mikro-orm/postgresql';
import { LoyaltyEntryEntity, LoyaltyRedemptionEntity, LoyaltyRedemptionStatus, LoyaltyRewardKind } from './loyalty.entity';

/** A redeemed discount waiting for the company's next order. */
export interface OpenLoyaltyDiscount {
  id: string;
  rewardName: string;
  /** As PostgreSQL writes it ("25.00"). */
  amount: string;
  currency: string;
}

/**
 * The open redeemed discounts of the company named by one parameter, oldest first, as one JSON
 * column `loyalty_discounts`, for statements that read them with more (placing an order).
 */
export const OPEN_LOYALTY_DISCOUNTS_COLUMN = `
  (select coalesce(json_agg(json_build_object('id', r.id, 'rewardName', r.reward_name, 'amount', r.amount::text, 'currency', r.currency) order by r.created_at), '[]'::json)
     from orders.loyalty_redemption r where r.company_id = ? and r.kind = '${LoyaltyRewardKind.DISCOUNT}' and r.status = '${LoyaltyRedemptionStatus.OPEN}') as loyalty_discounts`;

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
