import { EntityManager } from '@mikro-orm/postgresql';
import { executePrepared } from '@hub/database';
import { pgTextArray } from '../sql/pg-text-array';
import { CategoryEntity } from './category.entity';

export interface ProductCategoryRow {
  productId: string;
  categoryCode: string;
}

/** The web category tree and which products sit where; plain rows, as prepared statements (hot reads). */
export class CategoryRepository {
  constructor(private readonly em: EntityManager) {}

  /** Every category, in display order (position, then code). */
  all(): Promise<CategoryEntity[]> {
    return executePrepared<CategoryEntity>(this.em, 'select id, code, parent_code as "parentCode", name, position from products.category order by position, code', []);
  }

  /** The category codes of the products, for all of them in one statement. */
  ofProducts(productIds: readonly string[]): Promise<ProductCategoryRow[]> {
    return executePrepared<ProductCategoryRow>(
      this.em,
      'select product_id as "productId", category_code as "categoryCode" from products.product_category where product_id = any(?::uuid[])',
      [pgTextArray(productIds)],
    );
  }
}
