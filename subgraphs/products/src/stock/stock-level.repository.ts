import { EntityManager } from '@mikro-orm/postgresql';
import { executePrepared } from '@hub/database';
import { pgTextArray } from '../sql/pg-text-array';
import { StockDisplayPolicyEntity, StockDisplayPolicyValue } from './stock-display-policy.entity';
import { StockLevelData } from './stock-view';

export type StockLevelRow = StockLevelData & { productId: string };

/** Stock levels (ERP-owned) and the companies' stock display policies (hub-owned). */
export class StockLevelRepository {
  constructor(private readonly em: EntityManager) {}

  /** Every warehouse's level of the products, in one statement; quantities and dates as text. */
  levelsOf(productIds: readonly string[]): Promise<StockLevelRow[]> {
    return executePrepared<StockLevelRow>(
      this.em,
      `select product_id as "productId", warehouse_code as "warehouseCode", warehouse_name as "warehouseName", on_hand::text as "onHand",
              reserved::text as reserved, next_receipt_date::text as "nextReceiptDate", next_receipt_quantity::text as "nextReceiptQuantity"
         from products.stock_level where product_id = any(?::uuid[])`,
      [pgTextArray(productIds)],
    );
  }

  /** Sets the company's policy (one atomic upsert, so two staff saving at once cannot collide); returns the row as stored. */
  async saveDisplayPolicy(companyId: string, policy: StockDisplayPolicyValue, updatedBy: string | null): Promise<StockDisplayPolicyEntity> {
    await this.em
      .createQueryBuilder(StockDisplayPolicyEntity)
      .insert({ companyId, policy, updatedBy, updatedAt: new Date() })
      .onConflict('company_id')
      .merge(['policy', 'updated_by', 'updated_at'])
      .execute();
    return this.em.findOneOrFail(StockDisplayPolicyEntity, { companyId }, { refresh: true });
  }
}
