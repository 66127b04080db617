import { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '@hub/subgraph-kit';
import { ProductsContext } from './context';
import { CategoryResolver } from './category/category.resolver';
import { OrderableProductResolver, ProductConnectionResolver, ProductResolver } from './product/product.resolver';
import { resolveProductReference } from './product/product.reference';
import { StockResolver } from './stock/stock.resolver';
import { StoreResolver } from './store/store.resolver';
import { resolveStoreReference } from './store/store.reference';
import { ConfiguratorResolver } from './configurator/configurator.resolver';

export function buildProductsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<ProductsContext>({
    resolvers: [ProductResolver, ProductConnectionResolver, OrderableProductResolver, CategoryResolver, StockResolver, StoreResolver, ConfiguratorResolver],
    referenceResolvers: { Product: { __resolveReference: resolveProductReference }, Store: { __resolveReference: resolveStoreReference } },
  });
}
