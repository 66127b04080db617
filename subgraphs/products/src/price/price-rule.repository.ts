import { EntityManager } from '@mikro-orm/postgresql';
import { executePrepared } from '@hub/database';
import { pgTextArray } from '../sql/pg-text-array';
import { PriceRuleData } from './price-rules';

export type PriceRuleRow = PriceRuleData & { productId: string };

/** Whose special prices to read besides the list rules. */
export interface PriceRuleAudience {
  companyId: string | null;
  customerGroup: string | null;
}

export class PriceRuleRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * The rules that can apply to the products for one customer: list rules, plus the company's own
   * and its group's (neither for a visitor). Plain rows with decimals and dates as text, for resolvePrice.
   */
  forProducts(productIds: readonly string[], audience: PriceRuleAudience | null): Promise<PriceRuleRow[]> {
    return executePrepared<PriceRuleRow>(
      this.em,
      `select product_id as "productId", company_id as "companyId", customer_group as "customerGroup", min_quantity::text as "minQuantity",
              price::text as price, currency, valid_from::text as "validFrom", valid_to::text as "validTo", promotion
         from products.price_rule
        where product_id = any(?::uuid[])
          and ((company_id is null and customer_group is null) or company_id = ? or (company_id is null and customer_group = ?))`,
      [pgTextArray(productIds), audience?.companyId ?? null, audience?.customerGroup ?? null],
    );
  }
}
