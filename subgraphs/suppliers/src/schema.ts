import { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '@hub/subgraph-kit';
import { SuppliersContext } from './context';
import { DropShipAssignmentResolver, DropShipOrderResolver } from './drop-ship/drop-ship.resolver';
import { resolveDropShipOrderReference } from './drop-ship/drop-ship.reference';
import { ProductSuppliersResolver } from './product/product-suppliers.resolver';
import { resolveProductReference } from './product/product.reference';
import { PurchaseOrderResolver } from './purchase-order/purchase-order.resolver';
import { resolvePurchaseOrderReference } from './purchase-order/purchase-order.reference';
import { RfqAnswerResolver, RfqResolver } from './rfq/rfq.resolver';
import { resolveRfqReference } from './rfq/rfq.reference';
import { SupplierResolver } from './supplier/supplier.resolver';
import { resolveSupplierReference } from './supplier/supplier.reference';

export function buildSuppliersSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<SuppliersContext>({
    resolvers: [SupplierResolver, ProductSuppliersResolver, RfqResolver, RfqAnswerResolver, PurchaseOrderResolver, DropShipAssignmentResolver, DropShipOrderResolver],
    referenceResolvers: {
      Supplier: { __resolveReference: resolveSupplierReference },
      Product: { __resolveReference: resolveProductReference },
      Rfq: { __resolveReference: resolveRfqReference },
      PurchaseOrder: { __resolveReference: resolvePurchaseOrderReference },
      DropShipOrder: { __resolveReference: resolveDropShipOrderReference },
    },
  });
}
