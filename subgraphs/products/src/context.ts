import DataLoader from 'dataloader';
import { executePrepared } from '@hub/database';
import { BaseContext, createByIdLoader } from '@hub/subgraph-kit';
import { CategoryService } from './category/category.service';
import { CustomerProfileService } from './customer/customer-profile.service';
import { PriceService } from './price/price.service';
import { ProductEntity } from './product/product.entity';
import { ProductService } from './product/product.service';
import { pgTextArray } from './sql/pg-text-array';
import { PRODUCT_COLUMNS, productFromRow } from './product/product-row';
import { StockService } from './stock/stock.service';

export interface ProductsContext extends BaseContext {
  loaders: { productById: DataLoader<string, ProductEntity | null>; productBySku: DataLoader<string, ProductEntity | null> };
  services: { products: ProductService; prices: PriceService; stock: StockService; categories: CategoryService; profiles: CustomerProfileService };
}

export function buildProductsContext(base: BaseContext): ProductsContext {
  const ctx = { ...base } as ProductsContext;
  ctx.loaders = {
    productById: createByIdLoader(base.em, ProductEntity),
    // Active products by SKU, one query per tick (product(sku), related and substitute items).
    productBySku: new DataLoader(async (skus) => {
      const rows = await executePrepared<Record<string, unknown>>(base.em, `select ${PRODUCT_COLUMNS} from products.product p where p.sku = any(?::text[]) and p.active`, [
        pgTextArray([...skus]),
      ]);
      const bySku = new Map(rows.map((row) => [row.sku as string, productFromRow(row)]));
      return skus.map((sku) => bySku.get(sku) ?? null);
    }),
  };
  const profiles = new CustomerProfileService(base.em, base.viewer);
  ctx.services = {
    products: new ProductService(ctx),
    prices: new PriceService(base.em, base.viewer, profiles),
    stock: new StockService(base.em, base.viewer, profiles),
    categories: new CategoryService(base.em),
    profiles,
  };
  return ctx;
}
