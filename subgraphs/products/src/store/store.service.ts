import DataLoader from 'dataloader';
import { EntityManager } from '@mikro-orm/postgresql';
import { createUniqueLoader } from '@hub/subgraph-kit';
import { ProductService } from '../product/product.service';
import { StockService } from '../stock/stock.service';
import { WarehouseStockObject } from '../stock/stock.object';
import { WarehouseEntity } from './store.entity';

export interface StoreWithStock {
  store: WarehouseEntity;
  stock: WarehouseStockObject | null;
}

/**
 * The distributor's stores as pick-up points (public, like the catalogue): the ERP's warehouses
 * flagged as stores. With a product, each store's stock of it as the viewer's stock display
 * policy allows (ProductStock's per-warehouse view, so the policy is applied in one place).
 */
export class StoreService {
  /** One statement per tick for the stores of a page of orders (Order.pickup.store). */
  private readonly byCode: DataLoader<string, WarehouseEntity | null>;

  constructor(
    private readonly em: EntityManager,
    private readonly products: ProductService,
    private readonly stock: StockService,
  ) {
    this.byCode = createUniqueLoader((codes: string[]) => em.find(WarehouseEntity, { code: { $in: codes }, isStore: true }), (w) => w.code);
  }

  /** A store by its code; null for a warehouse that is not (or no longer) a store. */
  store(code: string): Promise<WarehouseEntity | null> {
    return this.byCode.load(code);
  }

  async list(sku: string | null | undefined): Promise<StoreWithStock[]> {
    const stores = await this.em.find(WarehouseEntity, { isStore: true }, { orderBy: { name: 'asc' } });
    if (!sku) return stores.map((store) => ({ store, stock: null }));
    // NOT_FOUND for a product the viewer cannot see, as product(sku) answers.
    const product = await this.products.get({ sku });
    const result = await this.stock.stockFor(product);
    const byCode = new Map((result?.view.warehouses ?? []).map((w) => [w.code, w]));
    return stores.map((store) => {
      const w = byCode.get(store.code);
      return { store, stock: w ? WarehouseStockObject.fromView(w) : null };
    });
  }
}
