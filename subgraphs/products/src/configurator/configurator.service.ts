import DataLoader from 'dataloader';
import { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput } from '@hub/errors';
import { Decimal, roundMoney } from '@hub/money';
import { createUniqueLoader } from '@hub/subgraph-kit';
import { PriceService } from '../price/price.service';
import { ProductEntity } from '../product/product.entity';
import { Orderable, ProductService } from '../product/product.service';
import { BrokenRule, ChosenOption, evaluateConfiguration, Evaluation, MAX_CHOSEN_OPTIONS } from './configuration-rules';
import { ProductConfigurationEntity } from './product-configuration.entity';

/** A configuration judged and priced for the viewer: every broken rule, and the price when none is broken. */
export interface ConfiguredProduct {
  product: ProductEntity;
  configuration: ProductConfigurationEntity;
  quantity: number;
  evaluation: Evaluation;
  /** All null when a rule is broken or the viewer may not see prices. */
  basePrice: Decimal | null;
  components: Array<{ label: string; amount: Decimal }>;
  unitPrice: Decimal | null;
  currency: string | null;
}

/** An orderableProducts line, with its configuration judged when it has or needs one. */
export interface ConfiguredOrderable extends Orderable {
  configured: ConfiguredProduct | null;
  brokenRules: BrokenRule[];
}

/** Checks chosen options for shape only (the rules judge their meaning). */
export function validChosenOptions(options: ReadonlyArray<{ code: string; value: string }>, field: string): ChosenOption[] {
  if (options.length > MAX_CHOSEN_OPTIONS) throw badUserInput(`At most ${MAX_CHOSEN_OPTIONS} options.`, field);
  return options.map((o, i) => {
    if (typeof o.code !== 'string' || !/^[A-Za-z0-9_-]{1,50}$/.test(o.code.trim())) throw badUserInput('An option code is 1 to 50 letters, digits, "_" or "-".', `${field}.${i}.code`);
    if (typeof o.value !== 'string' || o.value.length > 100) throw badUserInput('An option value has at most 100 characters.', `${field}.${i}.value`);
    return { code: o.code.trim().toUpperCase(), value: o.value };
  });
}

/**
 * The product configurator (P7): a configurable product's options and rules as the ERP sent them,
 * a configuration judged against them (every broken rule, with its text and code) and priced for
 * the viewer: the viewer's own price of the product (its price rules: customer, group, list, in
 * the company's currency) plus what the chosen options add, converted from the configuration's
 * currency with the ERP's rate and rounded per part. One statement per request for the
 * configurations of all products asked in the same tick.
 */
export class ConfiguratorService {
  private readonly byProduct: DataLoader<string, ProductConfigurationEntity | null>;

  constructor(
    em: EntityManager,
    private readonly products: ProductService,
    private readonly prices: PriceService,
  ) {
    this.byProduct = createUniqueLoader(
      (productIds: string[]) => em.find(ProductConfigurationEntity, { productId: { $in: productIds } }, { disableIdentityMap: true }),
      (c) => c.productId,
    );
  }

  configurationOf(productId: string): Promise<ProductConfigurationEntity | null> {
    return this.byProduct.load(productId);
  }

  /** configureProduct: a product the viewer may see (else NOT_FOUND), configurable (else BAD_USER_INPUT). */
  async configure(productId: string, options: ReadonlyArray<{ code: string; value: string }>, quantity: number): Promise<ConfiguredProduct> {
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > 100_000) throw badUserInput('quantity must be a whole number from 1 to 100,000.', 'quantity');
    const chosen = validChosenOptions(options, 'options');
    const product = await this.products.get({ id: productId });
    const configuration = await this.configurationOf(product.id);
    if (!configuration) throw badUserInput(`${product.sku} is not a configurable product.`, 'productId');
    return this.price(product, configuration, chosen, quantity);
  }

  async price(product: ProductEntity, configuration: ProductConfigurationEntity, chosen: readonly ChosenOption[], quantity: number): Promise<ConfiguredProduct> {
    const evaluation = evaluateConfiguration(configuration, chosen);
    const none = { product, configuration, quantity, evaluation, basePrice: null, components: [], unitPrice: null, currency: null };
    if (evaluation.brokenRules.length > 0) return none;
    const base = await this.prices.detailFor(product, quantity);
    if (!base) return none;
    const rate = base.currency === configuration.currency ? new Decimal(1) : (await this.prices.exchangeRates()).rate(configuration.currency, base.currency)?.rate;
    if (!rate) return none;
    const components = evaluation.components.map((c) => ({ label: c.label, amount: roundMoney(c.amount.mul(rate), base.currency) }));
    const unitPrice = components.reduce((sum, c) => sum.plus(c.amount), base.amount);
    return { ...none, basePrice: base.amount, components, unitPrice, currency: base.currency };
  }

  /**
   * Judges the configurations of orderable lines: a configurable product needs one (else its
   * missing options are broken rules), an ordinary product may not have one. A line with a broken
   * rule is INVALID_CONFIGURATION, keeping its product so the caller can name it.
   */
  async judge(orderables: readonly Orderable[], options: ReadonlyArray<ChosenOption[] | null>): Promise<ConfiguredOrderable[]> {
    const configurations = await Promise.all(orderables.map((o) => (o.product ? this.configurationOf(o.product.id) : Promise.resolve(null))));
    return Promise.all(
      orderables.map(async (o, i): Promise<ConfiguredOrderable> => {
        const configuration = configurations[i];
        const chosen = options[i];
        if (!o.product || o.status !== 'AVAILABLE') return { ...o, configured: null, brokenRules: [] };
        if (!configuration) {
          if (!chosen || chosen.length === 0) return { ...o, configured: null, brokenRules: [] };
          const rule: BrokenRule = { code: 'UNKNOWN_OPTION', option: chosen[0].code, ruleCode: null, text: `${o.product.sku} is not a configurable product: it takes no options.` };
          return { ...o, status: 'INVALID_CONFIGURATION', configured: null, brokenRules: [rule] };
        }
        const configured = await this.price(o.product, configuration, chosen ?? [], o.quantity);
        const broken = configured.evaluation.brokenRules;
        return { ...o, status: broken.length > 0 ? 'INVALID_CONFIGURATION' : 'AVAILABLE', configured, brokenRules: broken };
      }),
    );
  }
}
