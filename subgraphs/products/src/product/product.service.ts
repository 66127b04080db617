import { QueryOrder } from '@mikro-orm/core';
import { Viewer } from '@hub/auth';
import { badUserInput, notFound } from '@hub/errors';
import { isUuid } from '@hub/subgraph-kit';
import { ProductsContext } from '../context';
import { ProductEntity } from './product.entity';

export const MAX_PAGE_SIZE = 100;

export interface ProductPage {
  products: ProductEntity[];
  hasNextPage: boolean;
  totalCount: number;
}

/** Cursors are opaque to clients: base64 of the last SKU seen (products are ordered by SKU). */
export function encodeCursor(sku: string): string {
  return Buffer.from(`sku:${sku}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith('sku:') || decoded.length < 5) throw badUserInput('Invalid cursor.', 'after');
  return decoded.slice(4);
}

export class ProductService {
  constructor(private readonly ctx: ProductsContext) {}

  async page(_viewer: Viewer | null, args: { search?: string | null; first: number; after?: string | null }): Promise<ProductPage> {
    if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_PAGE_SIZE) {
      throw badUserInput(`first must be between 1 and ${MAX_PAGE_SIZE}.`, 'first');
    }
    const search = args.search?.trim();
    if (search && search.length > 200) throw badUserInput('Search text is too long.', 'search');
    const where: Record<string, unknown> = { active: true };
    if (search) {
      const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.$or = [{ name: { $ilike: pattern } }, { sku: { $ilike: pattern } }, { description: { $ilike: pattern } }];
    }
    const totalCount = await this.ctx.em.count(ProductEntity, where);
    if (args.after) where.sku = { $gt: decodeCursor(args.after) };
    const rows = await this.ctx.em.find(ProductEntity, where, { orderBy: { sku: QueryOrder.ASC }, limit: args.first + 1 });
    return { products: rows.slice(0, args.first), hasNextPage: rows.length > args.first, totalCount };
  }

  async get(args: { id?: string | null; sku?: string | null }): Promise<ProductEntity> {
    if ((args.id ? 1 : 0) + (args.sku ? 1 : 0) !== 1) throw badUserInput('Give exactly one of id or sku.');
    if (args.id) {
      if (!isUuid(args.id)) throw badUserInput('Product id must be a UUID.', 'id');
      const product = await this.ctx.loaders.productById.load(args.id);
      if (!product || !product.active) throw notFound('Product', args.id);
      return product;
    }
    const product = await this.ctx.em.findOne(ProductEntity, { sku: args.sku!, active: true });
    if (!product) throw notFound('Product', args.sku!);
    return product;
  }

  async findById(id: string): Promise<ProductEntity | null> {
    if (!isUuid(id)) return null;
    return this.ctx.loaders.productById.load(id);
  }
}
