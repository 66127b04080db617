import { EntityManager } from '@mikro-orm/postgresql';
import { DemoDataset } from '@hub/demo-data';
import { SupplierEntity } from '../supplier/supplier.entity';
import { SupplierProductEntity } from '../supplier/supplier-product.entity';
import { ProductSkuEntity } from '../catalogue/product-sku.entity';

/** The demo data has no purchase currency; the demo suppliers all invoice in euros. */
const DEMO_PURCHASE_CURRENCY = 'EUR';

export async function seedSuppliersDemoData(em: EntityManager, data: DemoDataset): Promise<void> {
  if ((await em.count(SupplierEntity)) > 0) return;
  await em.transactional(async (tx) => {
    const suppliers = new Map<string, SupplierEntity>();
    for (const s of data.suppliers) {
      suppliers.set(s.id, tx.create(SupplierEntity, { id: s.id, erpNumber: s.erpNumber, name: s.name, country: s.country, email: s.email }));
    }
    for (const sp of data.supplierProducts) {
      tx.create(SupplierProductEntity, {
        supplier: suppliers.get(sp.supplierId)!,
        productId: sp.productId,
        supplierSku: sp.supplierSku,
        leadTimeDays: sp.leadTimeDays,
        purchasePrice: sp.purchasePrice,
        currency: DEMO_PURCHASE_CURRENCY,
      });
    }
    // What purchasing names the items by; the products sync keeps it current.
    for (const p of data.products) tx.create(ProductSkuEntity, { productId: p.id, sku: p.sku, name: p.name });
  });
}
