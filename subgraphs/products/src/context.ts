import DataLoader from 'dataloader';
import { BaseContext, createByIdLoader } from '@hub/subgraph-kit';
import { PriceService } from './price/price.service';
import { ProductEntity } from './product/product.entity';
import { ProductService } from './product/product.service';

export interface ProductsContext extends BaseContext {
  loaders: { productById: DataLoader<string, ProductEntity | null> };
  services: { products: ProductService; prices: PriceService };
}

export function buildProductsContext(base: BaseContext): ProductsContext {
  const ctx = { ...base } as ProductsContext;
  ctx.loaders = { productById: createByIdLoader(base.em, ProductEntity) };
  ctx.services = { products: new ProductService(ctx), prices: new PriceService(base.em, base.viewer) };
  return ctx;
}
