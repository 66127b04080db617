import { EntityManager } from '@mikro-orm/postgresql';
import { Viewer } from '@hub/auth';
import { CustomerPriceProfileEntity } from './customer-price-profile.entity';

/** Audiences of the web assortment (see ProductEntity.webAssortment). */
export const PUBLIC_AUDIENCE = 'PUBLIC';
export const CUSTOMERS_AUDIENCE = 'CUSTOMERS';

/**
 * The signed-in company's price profile (ERP customer group and currency), read at most once per
 * request; null for anonymous visitors, staff, suppliers and companies the ERP has not sent yet.
 */
export class CustomerProfileService {
  private profile: Promise<CustomerPriceProfileEntity | null> | null = null;

  constructor(private readonly em: EntityManager, private readonly viewer: Viewer | null) {}

  current(): Promise<CustomerPriceProfileEntity | null> {
    const companyId = this.viewer?.kind === 'CUSTOMER' ? this.viewer.companyId : null;
    if (!companyId) return Promise.resolve(null);
    this.profile ??= this.em
      .getConnection()
      .execute('select company_id as "companyId", customer_number as "customerNumber", customer_group as "customerGroup", currency from products.customer_price_profile where company_id = ?', [companyId])
      .then((rows) => (rows[0] as CustomerPriceProfileEntity | undefined) ?? null);
    return this.profile;
  }

  /** Who the viewer is for the web assortment; null means everything (staff). */
  async audiences(): Promise<string[] | null> {
    if (this.viewer?.kind === 'STAFF') return null;
    if (this.viewer?.kind !== 'CUSTOMER') return [PUBLIC_AUDIENCE];
    const profile = await this.current();
    return [PUBLIC_AUDIENCE, CUSTOMERS_AUDIENCE, ...(profile?.customerGroup ? [profile.customerGroup] : [])];
  }
}

/** Whether an item's web assortment includes one of the viewer's audiences (null audiences: staff, sees all). */
export function isInAssortment(webAssortment: string[] | null, audiences: string[] | null): boolean {
  if (!audiences || webAssortment === null) return true;
  return webAssortment.some((a) => audiences.includes(a));
}
