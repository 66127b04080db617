import DataLoader from 'dataloader';
import { badUserInput, notFound } from '@hub/errors';
import { createGroupLoader, isUuid } from '@hub/subgraph-kit';
import { CategoryEntity } from './category.entity';
import { CategoryRepository, ProductCategoryRow } from './category.repository';

export interface CategoryTree {
  byId: Map<string, CategoryEntity>;
  byCode: Map<string, CategoryEntity>;
  children: Map<string | null, CategoryEntity[]>;
}

/**
 * The web category tree (the shop's own, independent of the ERP's item groups). The whole tree is
 * small and read once per request; a product's categories come in one query per tick.
 */
export class CategoryService {
  private tree: Promise<CategoryTree> | null = null;
  private readonly ofProduct: DataLoader<string, ProductCategoryRow[]>;

  constructor(private readonly categories: CategoryRepository) {
    this.ofProduct = createGroupLoader((productIds: string[]) => categories.ofProducts(productIds), (row) => row.productId);
  }

  load(): Promise<CategoryTree> {
    this.tree ??= this.categories.all().then((rows) => {
      const tree: CategoryTree = { byId: new Map(), byCode: new Map(), children: new Map() };
      for (const c of rows) {
        tree.byId.set(c.id, c);
        tree.byCode.set(c.code, c);
      }
      for (const c of rows) {
        // A parent the ERP did not send makes the category a root.
        const parent = c.parentCode && tree.byCode.has(c.parentCode) ? c.parentCode : null;
        tree.children.set(parent, [...(tree.children.get(parent) ?? []), c]);
      }
      return tree;
    });
    return this.tree;
  }

  async roots(): Promise<CategoryEntity[]> {
    return (await this.load()).children.get(null) ?? [];
  }

  async get(id: string): Promise<CategoryEntity> {
    if (!isUuid(id)) throw badUserInput('Category id must be a UUID.', 'categoryId');
    const category = (await this.load()).byId.get(id);
    if (!category) throw notFound('Category', id);
    return category;
  }

  async children(category: CategoryEntity): Promise<CategoryEntity[]> {
    return (await this.load()).children.get(category.code) ?? [];
  }

  async parent(category: CategoryEntity): Promise<CategoryEntity | null> {
    if (!category.parentCode) return null;
    return (await this.load()).byCode.get(category.parentCode) ?? null;
  }

  /** The category's code and those of all categories below it. */
  async subtreeCodes(category: CategoryEntity): Promise<string[]> {
    const tree = await this.load();
    const codes: string[] = [];
    const stack = [category.code];
    const seen = new Set<string>();
    while (stack.length > 0) {
      const code = stack.pop()!;
      if (seen.has(code)) continue;
      seen.add(code);
      codes.push(code);
      for (const child of tree.children.get(code) ?? []) stack.push(child.code);
    }
    return codes;
  }

  async ofProductId(productId: string): Promise<CategoryEntity[]> {
    const [tree, memberships] = await Promise.all([this.load(), this.ofProduct.load(productId)]);
    return memberships
      .map((m) => tree.byCode.get(m.categoryCode))
      .filter((c): c is CategoryEntity => !!c)
      .sort((a, b) => a.code.localeCompare(b.code));
  }
}
