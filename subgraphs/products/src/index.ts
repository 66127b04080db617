import 'reflect-metadata';
import { join } from 'node:path';
import { SubgraphModule } from '@hub/subgraph-kit';
import { buildProductsContext, ProductsContext } from './context';
import { seedProductsDemoData } from './demo/products-demo.seed';
import { CategoryEntity, ProductCategoryEntity } from './category/category.entity';
import { ExchangeRateEntity } from './currency/exchange-rate.entity';
import { PriceRuleEntity } from './price/price-rule.entity';
import { StockLevelEntity } from './stock/stock-level.entity';
import { ProductEntity } from './product/product.entity';
import { CustomerPriceProfileEntity } from './customer/customer-price-profile.entity';
import { StockDisplayPolicyEntity } from './stock/stock-display-policy.entity';
import { buildProductsSchema } from './schema';

export const productsSubgraph: SubgraphModule<ProductsContext> = {
  name: 'products',
  dbSchema: 'products',
  entities: [ProductEntity, PriceRuleEntity, CategoryEntity, ProductCategoryEntity, StockLevelEntity, ExchangeRateEntity, CustomerPriceProfileEntity, StockDisplayPolicyEntity],
  migrationsPath: join(__dirname, 'migrations'),
  buildSchema: buildProductsSchema,
  buildContext: buildProductsContext,
  seedDemoData: seedProductsDemoData,
};

export { ProductEntity, PriceRuleEntity };
export * from './ingest/products.ingest';
