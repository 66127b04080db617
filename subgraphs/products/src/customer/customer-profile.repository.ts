import { EntityManager } from '@mikro-orm/postgresql';
import { executePrepared, executePreparedOn, PreparedQueryable } from '@hub/database';
import { StockDisplayPolicyValue } from '../stock/stock-display-policy.entity';
import { CustomerPriceProfileEntity } from './customer-price-profile.entity';

/** What the products subgraph stores about a company; each part null when there is none. */
export interface StoredCompanySettings {
  profile: CustomerPriceProfileEntity | null;
  stockDisplayPolicy: StockDisplayPolicyValue | null;
  /** Whether the ERP gives the company prices of its own (not only its customer group's). */
  ownPrices: boolean;
}

/** The company's ERP price profile, stock display policy and whether it has prices of its own, in one statement. */
const COMPANY_SETTINGS_SQL = `select pp.company_id as "companyId", pp.customer_number as "customerNumber", pp.customer_group as "customerGroup", pp.currency, pp.country, sp.policy,
              exists (select 1 from products.price_rule r where r.company_id = c.company_id) as "ownPrices"
         from (select ?::uuid as company_id) c
         left join products.customer_price_profile pp on pp.company_id = c.company_id
         left join products.stock_display_policy sp on sp.company_id = c.company_id`;

type CompanySettingsRow = CustomerPriceProfileEntity & { policy: StockDisplayPolicyValue | null; ownPrices: boolean };

function companySettingsFrom(rows: CompanySettingsRow[]): StoredCompanySettings {
  const row = rows[0];
  return {
    profile: row?.companyId ? { companyId: row.companyId, customerNumber: row.customerNumber, customerGroup: row.customerGroup, currency: row.currency, country: row.country ?? null } : null,
    stockDisplayPolicy: row?.policy ?? null,
    ownPrices: row?.ownPrices === true,
  };
}

export class CustomerProfileRepository {
  constructor(private readonly em: EntityManager) {}

  /** The company's ERP price profile and its stock display policy, in one statement (read on every request of a signed-in customer). */
  async settingsOf(companyId: string): Promise<StoredCompanySettings> {
    return companySettingsFrom(await executePrepared<CompanySettingsRow>(this.em, COMPANY_SETTINGS_SQL, [companyId]));
  }
}

/** The same read on a plain pg pool (the gateway's catalogue answers, which have no ORM). */
export async function companySettingsOn(db: PreparedQueryable, companyId: string): Promise<StoredCompanySettings> {
  return companySettingsFrom(await executePreparedOn<CompanySettingsRow>(db, COMPANY_SETTINGS_SQL, [companyId]));
}
