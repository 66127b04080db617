import { EntityManager } from '@mikro-orm/postgresql';
import { DemoDataset } from '@hub/demo-data';
import { CustomerPriceEntity } from '../price/customer-price.entity';
import { ProductEntity } from '../product/product.entity';

export async function seedProductsDemoData(em: EntityManager, data: DemoDataset): Promise<void> {
  if ((await em.count(ProductEntity)) > 0) return;
  await em.transactional(async (tx) => {
    const products = new Map<string, ProductEntity>();
    for (const p of data.products) {
      products.set(p.id, tx.create(ProductEntity, { id: p.id, sku: p.sku, name: p.name, description: p.description, unit: p.unit, listPrice: p.listPrice, currency: p.currency }));
    }
    for (const cp of data.customerPrices) {
      tx.create(CustomerPriceEntity, { companyId: cp.companyId, product: products.get(cp.productId)!, price: cp.price, currency: cp.currency });
    }
  });
}
