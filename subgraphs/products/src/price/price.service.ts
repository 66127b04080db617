import DataLoader from 'dataloader';
import { EntityManager } from '@mikro-orm/postgresql';
import { hasPermission, Viewer } from '@hub/auth';
import { createGroupLoader } from '@hub/subgraph-kit';
import { MoneyObject } from '@hub/money';
import { CustomerProfileService } from '../customer/customer-profile.service';
import { ExchangeRateEntity } from '../currency/exchange-rate.entity';
import { ProductEntity } from '../product/product.entity';
import { PriceRuleRepository, PriceRuleRow } from './price-rule.repository';
import { PriceViewer, RateTable, resolvePrice, ResolvedPrice } from './price-rules';

export { resolvePrice } from './price-rules';

/** Today in UTC (YYYY-MM-DD), the day price validity is judged on. */
export function utcToday(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Prices for the signed-in company. The precedence rules are documented on `resolvePrice`
 * (price-rules.ts): customer-specific before customer-group before list price, the highest
 * quantity break within that level, a valid promotion only when it is lower, converted into the
 * company's currency with the ERP's rate and rounded to the currency's minor unit.
 *
 * Anonymous visitors (the public shop) see list prices and public promotions in the product's
 * currency; signed-in users need `prices.view` (without it every price is null). Staff see list
 * prices. The company's customer group and currency come from `customer_price_profile`, which the
 * sync fills from the ERP's customers.
 *
 * SQL per request, whatever the page size: one for the profile, one for the price rules of all
 * products asked for in the same tick, one for the exchange rates (only when converting).
 */
export class PriceService {
  private readonly rules: DataLoader<string, PriceRuleRow[]>;
  private rates: Promise<RateTable> | null = null;
  private readonly today = utcToday();

  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly profiles: CustomerProfileService,
    priceRules: PriceRuleRepository,
  ) {
    this.rules = createGroupLoader(async (productIds: string[]) => priceRules.forProducts(productIds, await profiles.current()), (row) => row.productId);
  }

  /** The ERP's exchange rates (read once per request). */
  exchangeRates(): Promise<RateTable> {
    return this.rateTable();
  }

  private rateTable(): Promise<RateTable> {
    this.rates ??= this.em
      .find(ExchangeRateEntity, {}, { disableIdentityMap: true })
      .then((rows) => new RateTable(rows.map((r) => ({ fromCurrency: r.fromCurrency, toCurrency: r.toCurrency, rate: r.rate, rateDate: r.rateDate }))));
    return this.rates;
  }

  /** The full answer (source, rate, list price); null when the viewer may not see prices. */
  async detailFor(product: ProductEntity, quantity: number): Promise<ResolvedPrice | null> {
    if (this.viewer && !hasPermission(this.viewer, 'prices.view')) return null;
    const [profile, rules] = await Promise.all([this.profiles.current(), this.rules.load(product.id)]);
    const viewer: PriceViewer = { companyId: profile?.companyId ?? null, customerGroup: profile?.customerGroup ?? null, currency: profile?.currency ?? null, today: this.today };
    const needsRates = (viewer.currency && viewer.currency !== product.currency) || rules.some((r) => r.currency !== (viewer.currency ?? product.currency));
    const rates = needsRates ? await this.rateTable() : new RateTable([]);
    return resolvePrice(product, rules, viewer, quantity, rates);
  }

  /** Null when the viewer may not see prices. */
  async priceFor(product: ProductEntity, quantity: number): Promise<MoneyObject | null> {
    const detail = await this.detailFor(product, quantity);
    return detail ? MoneyObject.of(detail.amount, detail.currency) : null;
  }
}
