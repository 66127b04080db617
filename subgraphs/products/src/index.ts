import 'reflect-metadata';
import { join } from 'node:path';
import { SubgraphModule } from '@hub/subgraph-kit';
import { buildProductsContext, ProductsContext } from './context';
import { seedProductsDemoData } from './demo/products-demo.seed';
import { CustomerPriceEntity } from './price/customer-price.entity';
import { ProductEntity } from './product/product.entity';
import { buildProductsSchema } from './schema';

export const productsSubgraph: SubgraphModule<ProductsContext> = {
  name: 'products',
  dbSchema: 'products',
  entities: [ProductEntity, CustomerPriceEntity],
  migrationsPath: join(__dirname, 'migrations'),
  buildSchema: buildProductsSchema,
  buildContext: buildProductsContext,
  seedDemoData: seedProductsDemoData,
};

export { ProductEntity, CustomerPriceEntity };
