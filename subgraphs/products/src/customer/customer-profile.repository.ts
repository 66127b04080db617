import { EntityManager } from '@mikro-orm/postgresql';
import { executePrepared } from '@hub/database';
import { StockDisplayPolicyValue } from '../stock/stock-display-policy.entity';
import { CustomerPriceProfileEntity } from './customer-price-profile.entity';

/** What the products subgraph stores about a company; each part null when there is none. */
export interface StoredCompanySettings {
  profile: CustomerPriceProfileEntity | null;
  stockDisplayPolicy: StockDisplayPolicyValue | null;
  /** Whether the ERP gives the company prices of its own (not only its customer group's). */
  ownPrices: boolean;
}

export class CustomerProfileRepository {
  constructor(private readonly em: EntityManager) {}

  /** The company's ERP price profile and its stock display policy, in one statement (read on every request of a signed-in customer). */
  async settingsOf(companyId: string): Promise<StoredCompanySettings> {
    const rows = await executePrepared<CustomerPriceProfileEntity & { policy: StockDisplayPolicyValue | null; ownPrices: boolean }>(
      this.em,
      `select pp.company_id as "companyId", pp.customer_number as "customerNumber", pp.customer_group as "customerGroup", pp.currency, pp.country, sp.policy,
              exists (select 1 from products.price_rule r where r.company_id = c.company_id) as "ownPrices"
         from (select ?::uuid as company_id) c
         left join products.customer_price_profile pp on pp.company_id = c.company_id
         left join products.stock_display_policy sp on sp.company_id = c.company_id`,
      [companyId],
    );
    const row = rows[0];
    return {
      profile: row?.companyId ? { companyId: row.companyId, customerNumber: row.customerNumber, customerGroup: row.customerGroup, currency: row.currency, country: row.country ?? null } : null,
      stockDisplayPolicy: row?.policy ?? null,
      ownPrices: row?.ownPrices === true,
    };
  }
}
