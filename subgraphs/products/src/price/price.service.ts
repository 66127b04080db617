import DataLoader from 'dataloader';
import { EntityManager } from '@mikro-orm/postgresql';
import { hasPermission, Viewer } from '@hub/auth';
import { badUserInput } from '@hub/errors';
import { Decimal, MoneyObject } from '@hub/money';
import { ProductEntity } from '../product/product.entity';
import { PriceRuleEntity } from './price-rule.entity';

export interface PriceSource {
  listPrice: string;
  currency: string;
  customerPrice: { price: string; currency: string } | null;
}

/**
 * Which price a viewer pays for a product:
 * 1. a customer-specific price agreed for the viewer's company, when there is one;
 * 2. otherwise the list price.
 * Anonymous visitors (the public shop) see list prices; signed-in users need `prices.view`.
 * Quantity breaks, group prices and promotions extend this order later (issue "Catalogue, prices").
 */
export function choosePrice(source: PriceSource, quantity: number): MoneyObject {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > 1_000_000) {
    throw badUserInput('Quantity must be a whole number from 1 to 1,000,000.', 'quantity');
  }
  const chosen = source.customerPrice ?? { price: source.listPrice, currency: source.currency };
  return MoneyObject.of(new Decimal(chosen.price), chosen.currency);
}

export class PriceService {
  /** Customer-specific base prices (from quantity 1) for the viewer's company, one query per request. */
  private readonly customerPrices: DataLoader<string, PriceRuleEntity | null> | null;

  constructor(private readonly em: EntityManager, private readonly viewer: Viewer | null) {
    const companyId = viewer?.companyId;
    this.customerPrices = companyId
      ? new DataLoader(async (productIds) => {
          const rows = await em.find(PriceRuleEntity, { companyId, productId: { $in: [...productIds] }, minQuantity: '1', promotion: false });
          const byProduct = new Map(rows.map((row) => [row.productId, row]));
          return productIds.map((id) => byProduct.get(id) ?? null);
        })
      : null;
  }

  /** Null when the viewer may not see prices. */
  async priceFor(product: ProductEntity, quantity: number): Promise<MoneyObject | null> {
    if (this.viewer && !hasPermission(this.viewer, 'prices.view')) return null;
    const special = this.customerPrices ? await this.customerPrices.load(product.id) : null;
    return choosePrice(
      { listPrice: product.listPrice, currency: product.currency, customerPrice: special ? { price: special.price, currency: special.currency } : null },
      quantity,
    );
  }
}
