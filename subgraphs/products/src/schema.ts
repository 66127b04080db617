import { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '@hub/subgraph-kit';
import { ProductsContext } from './context';
import { ProductResolver } from './product/product.resolver';
import { resolveProductReference } from './product/product.reference';

export function buildProductsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<ProductsContext>({
    resolvers: [ProductResolver],
    referenceResolvers: { Product: { __resolveReference: resolveProductReference } },
  });
}
