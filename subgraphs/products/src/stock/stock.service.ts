import { EntityManager } from '@mikro-orm/postgresql';
import { createGroupLoader, isUuid } from '@hub/subgraph-kit';
import { requireStaff, requireViewer, Viewer } from '@hub/auth';
import { badUserInput, notFound } from '@hub/errors';
import DataLoader from 'dataloader';
import { CustomerPriceProfileEntity } from '../customer/customer-price-profile.entity';
import { CustomerProfileService } from '../customer/customer-profile.service';
import { ProductEntity } from '../product/product.entity';
import { utcToday } from '../price/price.service';
import { DEFAULT_STOCK_DISPLAY_POLICY, STOCK_DISPLAY_POLICIES, StockDisplayPolicyEntity, StockDisplayPolicyValue } from './stock-display-policy.entity';
import { IncomingSupplyData, StockLevelData, StockView, stockView } from './stock-view';
import { StockLevelRepository } from './stock-level.repository';

export interface ProductStockResult {
  view: StockView;
  levels: StockLevelData[];
  /** Open purchase-order lines of the product, earliest first. */
  incoming: IncomingSupplyData[];
  today: string;
}

/**
 * Stock as a company may see it. The policy is the hub's (per company, default TRAFFIC_LIGHT):
 * QUANTITY shows quantities, TRAFFIC_LIGHT only a status against the item's minimum stock,
 * HIDDEN nothing. Anonymous visitors and suppliers get the default; staff always see quantities.
 * SQL per request: the policy comes with the company's price profile (one statement), plus one for
 * the stock levels of all products in the tick.
 */
export class StockService {
  private readonly levels: DataLoader<string, StockLevelData[]>;
  private readonly incoming: DataLoader<string, IncomingSupplyData[]>;
  private readonly today = utcToday();

  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly profiles: CustomerProfileService,
    private readonly stock: StockLevelRepository,
  ) {
    this.levels = createGroupLoader((ids: string[]) => stock.levelsOf(ids), (row) => row.productId);
    this.incoming = createGroupLoader((ids: string[]) => stock.incomingOf(ids), (row) => row.productId, 'incomingSupply');
  }

  async viewerPolicy(): Promise<StockDisplayPolicyValue> {
    if (this.viewer?.kind === 'STAFF') return 'QUANTITY';
    return (await this.profiles.company()).stockDisplayPolicy;
  }

  /** Null when the company's policy hides stock. */
  async stockFor(product: ProductEntity): Promise<ProductStockResult | null> {
    const policy = await this.viewerPolicy();
    if (policy === 'HIDDEN') return null;
    const [levels, incoming] = await Promise.all([this.levels.load(product.id), this.incoming.load(product.id)]);
    const view = stockView(levels, product.minStock, policy);
    return view ? { view, levels, incoming, today: this.today } : null;
  }

  /** Staff only. The company must be one the ERP sent (NOT_FOUND otherwise). */
  async setPolicy(companyId: string, policy: StockDisplayPolicyValue): Promise<StockDisplayPolicyEntity> {
    const staff = requireStaff(this.viewer);
    if (!isUuid(companyId)) throw badUserInput('Company id must be a UUID.', 'companyId');
    if (!STOCK_DISPLAY_POLICIES.includes(policy)) throw badUserInput('Unknown stock display policy.', 'policy');
    if (!(await this.em.findOne(CustomerPriceProfileEntity, { companyId }))) throw notFound('Company', companyId);
    return this.stock.saveDisplayPolicy(companyId, policy, staff.userId);
  }

  /** A customer sees its own company's policy; staff name a company. */
  async policyOf(companyId: string | null | undefined): Promise<{ companyId: string; policy: StockDisplayPolicyValue }> {
    if (this.viewer?.kind === 'STAFF') {
      if (!companyId) throw badUserInput('Give the company.', 'companyId');
      if (!isUuid(companyId)) throw badUserInput('Company id must be a UUID.', 'companyId');
      const row = await this.em.findOne(StockDisplayPolicyEntity, { companyId });
      return { companyId, policy: row?.policy ?? DEFAULT_STOCK_DISPLAY_POLICY };
    }
    const own = requireViewer(this.viewer).kind === 'CUSTOMER' ? this.viewer!.companyId : null;
    if (!own) throw notFound('Company', companyId ?? undefined);
    if (companyId && companyId !== own) throw notFound('Company', companyId);
    return { companyId: own, policy: await this.viewerPolicy() };
  }
}
