import { EntityManager } from '@mikro-orm/postgresql';
import { DemoDataset } from '@hub/demo-data';
import { PriceRuleEntity } from '../price/price-rule.entity';
import { ProductEntity } from '../product/product.entity';
import { productSearchText } from '../product/product-search';

export async function seedProductsDemoData(em: EntityManager, data: DemoDataset): Promise<void> {
  if ((await em.count(ProductEntity)) > 0) return;
  const erpNumber = new Map(data.companies.map((c) => [c.id, c.erpNumber]));
  const sku = new Map(data.products.map((p) => [p.id, p.sku]));
  await em.transactional(async (tx) => {
    for (const p of data.products) {
      tx.create(ProductEntity, { id: p.id, sku: p.sku, name: p.name, description: p.description, unit: p.unit, listPrice: p.listPrice, currency: p.currency, minOrderQuantity: String(p.minOrderQuantity), searchText: productSearchText(p) });
    }
    for (const cp of data.customerPrices) {
      tx.create(PriceRuleEntity, {
        // The same key the ERP uses for a customer's base price, so a later sync updates these rows.
        key: `C:${erpNumber.get(cp.companyId)}:${sku.get(cp.productId)}:1`,
        productId: cp.productId,
        sku: sku.get(cp.productId)!,
        companyId: cp.companyId,
        customerGroup: null,
        minQuantity: '1',
        price: cp.price,
        currency: cp.currency,
        validFrom: null,
        validTo: null,
        promotion: false,
      });
    }
  });
}
