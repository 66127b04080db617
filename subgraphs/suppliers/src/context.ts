import DataLoader from 'dataloader';
import { BaseContext, createByIdLoader, createGroupLoader } from '@hub/subgraph-kit';
import { DropShipService } from './drop-ship/drop-ship.service';
import { PurchaseOrderService } from './purchase-order/purchase-order.service';
import { RfqService } from './rfq/rfq.service';
import { SupplierEntity } from './supplier/supplier.entity';
import { SupplierProductEntity } from './supplier/supplier-product.entity';
import { SupplierService } from './supplier/supplier.service';

export interface SuppliersContext extends BaseContext {
  loaders: {
    supplierById: DataLoader<string, SupplierEntity | null>;
    offersBySupplierId: DataLoader<string, SupplierProductEntity[]>;
    /** Offers with their supplier populated (one joined query). */
    offersByProductId: DataLoader<string, SupplierProductEntity[]>;
  };
  services: { suppliers: SupplierService; rfqs: RfqService; purchaseOrders: PurchaseOrderService; dropShip: DropShipService };
}

export function buildSuppliersContext(base: BaseContext): SuppliersContext {
  const ctx = { ...base } as SuppliersContext;
  ctx.loaders = {
    supplierById: createByIdLoader(base.em, SupplierEntity),
    offersBySupplierId: createGroupLoader(
      (supplierIds: string[]) => ctx.services.suppliers.loadOffersOfSuppliers(supplierIds),
      (offer) => offer.supplier.id,
    ),
    offersByProductId: createGroupLoader(
      (productIds: string[]) => ctx.services.suppliers.loadOffersOfProducts(productIds),
      (offer) => offer.productId,
    ),
  };
  ctx.services = {
    suppliers: new SupplierService(ctx),
    rfqs: new RfqService(base.em, base.viewer),
    purchaseOrders: new PurchaseOrderService(base.em, base.viewer),
    dropShip: new DropShipService(base.em, base.viewer),
  };
  return ctx;
}
