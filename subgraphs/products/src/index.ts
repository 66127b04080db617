import 'reflect-metadata';
import { join } from 'node:path';
import { alsoIngests, SubgraphModule, syncKind } from '@hub/subgraph-kit';
import { ingestCategories, ingestCustomerPriceProfiles, ingestExchangeRates, ingestPrices, ingestProducts, ingestStock, ingestWarehouses } from './ingest/products.ingest';
import { buildProductsContext, ProductsContext } from './context';
import { seedProductsDemoData } from './demo/products-demo.seed';
import { CategoryEntity, ProductCategoryEntity } from './category/category.entity';
import { ExchangeRateEntity } from './currency/exchange-rate.entity';
import { PriceRuleEntity } from './price/price-rule.entity';
import { StockLevelEntity } from './stock/stock-level.entity';
import { ProductEntity } from './product/product.entity';
import { CustomerPriceProfileEntity } from './customer/customer-price-profile.entity';
import { StockDisplayPolicyEntity } from './stock/stock-display-policy.entity';
import { WarehouseEntity } from './store/store.entity';
import { IncomingSupplyEntity } from './stock/incoming-supply.entity';
import { ingestIncomingSupply } from './stock/incoming-supply.ingest';
import { buildProductsSchema } from './schema';
import { readNewsletterProducts } from './product/newsletter-products';
import { categoryTexts } from './category/category-texts';
import { CatalogueChangeEntity } from './catalogue-cache/catalogue-change.entity';
import { CatalogueCache } from './catalogue-cache/catalogue-cache';
import { catalogueCachePlugin } from './catalogue-cache/catalogue-cache.plugin';
import { catalogueCacheSettings } from './catalogue-cache/catalogue-cache-settings';
import { catalogueEdgeAnswers } from './catalogue-cache/catalogue-edge-answers';
import { forgetProductCounts } from './product/product.repository';
import { ProductConfigurationEntity } from './configurator/product-configuration.entity';
import { ingestProductConfigurations } from './configurator/product-configuration.ingest';

export const productsSubgraph: SubgraphModule<ProductsContext> = {
  name: 'products',
  dbSchema: 'products',
  entities: [ProductEntity, PriceRuleEntity, CategoryEntity, ProductCategoryEntity, StockLevelEntity, ExchangeRateEntity, CustomerPriceProfileEntity, StockDisplayPolicyEntity, WarehouseEntity, CatalogueChangeEntity, ProductConfigurationEntity, IncomingSupplyEntity],
  migrationsPath: join(__dirname, 'migrations'),
  buildSchema: buildProductsSchema,
  buildContext: buildProductsContext,
  seedDemoData: seedProductsDemoData,
  sync: {
    kinds: [
      syncKind('categories', { ingest: ingestCategories, defaultIntervalSeconds: 3600, description: 'Web categories (products subgraph)' }),
      syncKind('products', { ingest: ingestProducts, defaultIntervalSeconds: 900, description: 'Items and their web categories (products subgraph)', runsAfter: ['categories'] }),
      syncKind('prices', { ingest: ingestPrices, defaultIntervalSeconds: 300, description: 'Price lists, customer prices, quantity breaks, promotions (products subgraph)', runsAfter: ['products'] }),
      syncKind('stock', { ingest: ingestStock, defaultIntervalSeconds: 60, description: 'Stock per warehouse and next receipts (products subgraph)', runsAfter: ['products'] }),
      syncKind('warehouses', { ingest: ingestWarehouses, defaultIntervalSeconds: 3600, description: 'Warehouses, and which are stores (pick-up points) with address, opening hours and phone (products subgraph)' }),
      // Configurable products' options, allowed combinations and option prices (P7).
      syncKind('productConfigurations', { ingest: ingestProductConfigurations, defaultIntervalSeconds: 900, description: 'Configurable products: options, allowed combinations and option prices (products subgraph)', runsAfter: ['products'] }),
      syncKind('exchangeRates', { ingest: ingestExchangeRates, defaultIntervalSeconds: 3600, description: 'Exchange rates (products subgraph)' }),
    ],
    // The customer group and currency each company buys in, for its prices; the open lines of the ERP's purchase orders, for the availability promise.
    alsoIngests: [alsoIngests('customers', ingestCustomerPriceProfiles), alsoIngests('purchaseOrders', ingestIncomingSupply)],
  },
  newsletterProducts: readNewsletterProducts,
  hubTextKinds: [categoryTexts],
  // Catalogue answers kept by what decides them and dropped by the syncs' change sets (catalogue-cache/), one cache per process.
  serverPlugins: () => {
    const settings = catalogueCacheSettings();
    return settings.enabled ? [catalogueCachePlugin(new CatalogueCache(settings.maxBytes, forgetProductCounts))] : [];
  },
  // The same answers kept whole at the gateway, so a page asked again costs no call to this subgraph.
  edgeAnswers: catalogueEdgeAnswers,
  events: [
    {
      topic: 'catalogChanged',
      description:
        'A statement wrote products, categories, prices, customer price profiles or exchange rates (a trigger on those tables announces it, whoever wrote; see Migration20261202233000); key "products", no data.',
    },
  ],
};

export { ProductEntity, PriceRuleEntity };
export * from './ingest/products.ingest';
export { ingestProductConfigurations } from './configurator/product-configuration.ingest';
