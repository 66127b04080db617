import { EntityManager } from '@mikro-orm/postgresql';
import { BasketDiscountCodeEntity, DiscountCodeEntity, DiscountCodeUseEntity } from './discount-code.entity';

export interface ClaimedUse {
  codeId: string;
  orderId: string;
  companyId: string;
  userId: string;
  amount: string;
  currency: string;
}

/** The id of the code applied to the basket of the user named by one parameter, as one column `basket_code_id` (null: none), for statements that read it with more. */
export const BASKET_CODE_COLUMN = `(select c.code_id from orders.basket_discount_code c where c.user_id = ?) as basket_code_id`;

/** The SQL of discount codes beyond plain finds: batch insert without duplicates, and the guarded use. */
export class DiscountCodeRepository {
  constructor(private readonly em: EntityManager) {}

  /** Inserts the codes; returns those that were new (a code someone already has is skipped, the caller draws another). */
  async insertNew(codes: DiscountCodeEntity[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const rows = await this.em.execute<Array<{ code: string }>>(
      `insert into orders.discount_code (id, code, batch_id, label, company_id, kind, percent, amount, currency, min_order_value, max_uses, used_count, valid_from, valid_to, created_by_user_id, created_at)
       select x.id, x.code, x.batch_id, x.label, x.company_id, x.kind, x.percent, x.amount, x.currency, x.min_order_value, x.max_uses, 0, x.valid_from, x.valid_to, x.created_by, now()
         from jsonb_to_recordset(?::jsonb) as x(id uuid, code text, batch_id uuid, label text, company_id uuid, kind text, percent numeric, amount numeric, currency char(3),
                                               min_order_value numeric, max_uses int, valid_from timestamptz, valid_to timestamptz, created_by uuid)
       on conflict (code) do nothing
       returning code`,
      [JSON.stringify(codes.map((c) => ({
        id: c.id, code: c.code, batch_id: c.batchId, label: c.label, company_id: c.companyId, kind: c.kind, percent: c.percent, amount: c.amount, currency: c.currency,
        min_order_value: c.minOrderValue, max_uses: c.maxUses, valid_from: c.validFrom?.toISOString() ?? null, valid_to: c.validTo?.toISOString() ?? null, created_by: c.createdByUserId,
      })))],
    );
    return new Set(rows.map((r) => r.code));
  }

  /**
   * Registers one use of a code for an order, in the caller's transaction: the code's count goes up
   * only while it is below maxUses (the row lock makes concurrent checkouts wait for each other and
   * re-check), and the use is written in the same statement. False: the code was used up meanwhile.
   */
  async claimUse(use: ClaimedUse): Promise<boolean> {
    const rows = await this.em.execute<Array<{ id: string }>>(
      `with c as (
         update orders.discount_code set used_count = used_count + 1 where id = ?::uuid and used_count < max_uses returning id
       )
       insert into orders.discount_code_use (id, code_id, order_id, company_id, user_id, amount, currency, used_at)
       select gen_random_uuid(), c.id, ?::uuid, ?::uuid, ?::uuid, ?::numeric, ?, now() from c
       returning id`,
      [use.codeId, use.orderId, use.companyId, use.userId, use.amount, use.currency],
    );
    return rows.length === 1;
  }

  byCode(code: string): Promise<DiscountCodeEntity | null> {
    return this.em.findOne(DiscountCodeEntity, { code });
  }

  /** Codes for staff, newest batch first, then by code. */
  list(filter: { batchId: string | null; companyId: string | null }, first: number): Promise<DiscountCodeEntity[]> {
    return this.em.find(
      DiscountCodeEntity,
      { ...(filter.batchId ? { batchId: filter.batchId } : {}), ...(filter.companyId ? { companyId: filter.companyId } : {}) },
      { orderBy: { createdAt: 'desc', code: 'asc' }, limit: first },
    );
  }

  usesOf(codeIds: readonly string[]): Promise<DiscountCodeUseEntity[]> {
    return this.em.find(DiscountCodeUseEntity, { codeId: { $in: [...codeIds] } }, { orderBy: { usedAt: 'asc' } });
  }

  basketCode(userId: string): Promise<BasketDiscountCodeEntity | null> {
    return this.em.findOne(BasketDiscountCodeEntity, { userId });
  }
}
