import { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '@hub/subgraph-kit';
import { SuppliersContext } from './context';
import { ProductSuppliersResolver } from './product/product-suppliers.resolver';
import { resolveProductReference } from './product/product.reference';
import { SupplierResolver } from './supplier/supplier.resolver';
import { resolveSupplierReference } from './supplier/supplier.reference';

export function buildSuppliersSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<SuppliersContext>({
    resolvers: [SupplierResolver, ProductSuppliersResolver],
    referenceResolvers: {
      Supplier: { __resolveReference: resolveSupplierReference },
      Product: { __resolveReference: resolveProductReference },
    },
  });
}
