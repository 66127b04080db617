import { BaseContext, createByIdLoader, createUniqueLoader, SubgraphRuntime, ViewerTexts } from '@hub/subgraph-kit';
import { CategoryRepository } from './category/category.repository';
import { CategoryService } from './category/category.service';
import { CustomerProfileRepository } from './customer/customer-profile.repository';
import { CustomerProfileService } from './customer/customer-profile.service';
import { PriceRuleRepository } from './price/price-rule.repository';
import { PriceService } from './price/price.service';
import { ProductEntity } from './product/product.entity';
import { ProductRepository } from './product/product.repository';
import { languageOfCountry } from './product/product-language';
import { ProductLoaders, ProductService } from './product/product.service';
import { StockLevelRepository } from './stock/stock-level.repository';
import { StockService } from './stock/stock.service';
import { StoreService } from './store/store.service';
import { CatalogueChangeRepository } from './catalogue-cache/catalogue-change.repository';
import { CatalogueTrace } from './catalogue-cache/catalogue-trace';
import { TracedViewerTexts } from './catalogue-cache/traced-viewer-texts';
import { ConfiguratorService } from './configurator/configurator.service';

export interface ProductsContext extends BaseContext {
  loaders: ProductLoaders;
  services: {
    texts: ViewerTexts; products: ProductService; prices: PriceService; stock: StockService; stores: StoreService; categories: CategoryService; profiles: CustomerProfileService; configurator: ConfiguratorService;
    catalogueChanges: CatalogueChangeRepository;
  };
  /** What this request's answer was made of (for the catalogue cache), and the time of the last catalogue change it includes (read once). */
  catalogue: { trace: CatalogueTrace; pricesAsOf: Date | null | undefined };
}

export function buildProductsContext(base: BaseContext, runtime: SubgraphRuntime): ProductsContext {
  const { em, viewer } = base;
  const products = new ProductRepository(em);
  const loaders: ProductLoaders = {
    productById: createByIdLoader(em, ProductEntity),
    // One query per tick for product(sku), related and substitute items.
    productBySku: createUniqueLoader((skus) => products.activeBySkus(skus), (product) => product.sku),
  };
  const profiles = new CustomerProfileService(new CustomerProfileRepository(em), viewer);
  const categories = new CategoryService(new CategoryRepository(em));
  const trace = new CatalogueTrace();
  const productService = new ProductService(products, profiles, categories, loaders, trace);
  const stock = new StockService(em, viewer, profiles, new StockLevelRepository(em));
  const prices = new PriceService(em, viewer, profiles, new PriceRuleRepository(em));
  return {
    ...base,
    loaders,
    catalogue: { trace, pricesAsOf: undefined },
    services: {
      catalogueChanges: new CatalogueChangeRepository(em),
      products: productService,
      prices,
      configurator: new ConfiguratorService(em, productService, prices),
      stock,
      stores: new StoreService(em, productService, stock),
      categories,
      profiles,
      // The company's default language from the country the ERP gives it (which products keeps for prices anyway).
      texts: new TracedViewerTexts(trace, runtime, viewer, base.acceptLanguage, async () => languageOfCountry((await profiles.current())?.country)),
    },
  };
}
