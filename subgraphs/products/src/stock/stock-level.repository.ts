import { EntityManager } from '@mikro-orm/postgresql';
import { executePrepared } from '@hub/database';
import { pgTextArray } from '../sql/pg-text-array';
import { StockDisplayPolicyEntity, StockDisplayPolicyValue } from './stock-display-policy.entity';
import { IncomingSupplyData, StockLevelData } from './stock-view';

export type StockLevelRow = StockLevelData & { productId: string };
export type IncomingSupplyRow = IncomingSupplyData & { productId: string };

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

  /** Open purchase-order lines of the products (from the ERP), in one statement, earliest first. */
  incomingOf(productIds: readonly string[]): Promise<IncomingSupplyRow[]> {
    return executePrepared<IncomingSupplyRow>(
      this.em,
      `select product_id as "productId", expected_date::text as "expectedDate", quantity::text as quantity
         from products.incoming_supply where product_id = any(?::uuid[]) order by expected_date, purchase_order_number, line_no`,
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
