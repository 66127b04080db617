import { Viewer } from '@hub/auth';
import { DEFAULT_STOCK_DISPLAY_POLICY, StockDisplayPolicyValue } from '../stock/stock-display-policy.entity';
import { CustomerPriceProfileEntity } from './customer-price-profile.entity';
import { CustomerProfileRepository } from './customer-profile.repository';

/** What the products subgraph knows about the viewer's company: its ERP price profile and its stock display policy. */
export interface CompanySettings {
  profile: CustomerPriceProfileEntity | null;
  stockDisplayPolicy: StockDisplayPolicyValue;
  /** Whether the ERP gives the company prices of its own (then its catalogue answers are its own, see catalogue-decision.ts). */
  ownPrices: boolean;
}

/** Audiences of the web assortment (see ProductEntity.webAssortment). */
export const PUBLIC_AUDIENCE = 'PUBLIC';
export const CUSTOMERS_AUDIENCE = 'CUSTOMERS';

/**
 * The signed-in company's price profile (ERP customer group and currency) and stock display
 * policy, read together in one statement at most once per request. The profile is null for
 * anonymous visitors, staff, suppliers and companies the ERP has not sent yet.
 */
export class CustomerProfileService {
  private settings: Promise<CompanySettings> | null = null;

  constructor(private readonly profiles: Pick<CustomerProfileRepository, 'settingsOf'>, private readonly viewer: Viewer | null) {}

  company(): Promise<CompanySettings> {
    const companyId = this.viewer?.kind === 'CUSTOMER' ? this.viewer.companyId : null;
    if (!companyId) return Promise.resolve({ profile: null, stockDisplayPolicy: DEFAULT_STOCK_DISPLAY_POLICY, ownPrices: false });
    this.settings ??= this.profiles.settingsOf(companyId).then((stored) => ({
      profile: stored.profile,
      stockDisplayPolicy: stored.stockDisplayPolicy ?? DEFAULT_STOCK_DISPLAY_POLICY,
      ownPrices: stored.ownPrices,
    }));
    return this.settings;
  }

  async current(): Promise<CustomerPriceProfileEntity | null> {
    return (await this.company()).profile;
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
