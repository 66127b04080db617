import { EntityManager } from '@mikro-orm/postgresql';
import { BasketEntity } from './basket.entity';
import { BasketLineEntity } from './basket-line.entity';

/** A line to put into a basket: added to the quantity already there, or replacing it. */
export interface BasketLineWrite {
  productId: string;
  sku: string;
  quantity: string;
}

export interface BasketDetails {
  deliveryAddressCode: string | null;
  branchId: string | null;
  customerReference: string | null;
  notes: string | null;
}

/** A user's basket: one row per user, its lines kept in the order they were first added. */
export class BasketRepository {
  constructor(private readonly em: EntityManager) {}

  /** The user's basket with its lines in display order; null when the user never had one. */
  basketOf(userId: string): Promise<BasketEntity | null> {
    return this.em.fork().findOne(BasketEntity, { userId }, { populate: ['lines'], orderBy: { lines: { position: 'asc' } } });
  }

  /**
   * Puts lines into the user's basket in one transaction: creates the basket when needed; a
   * product already there gets `add`: its quantity plus this one, `set`: this quantity; new
   * products go to the end, in the order given.
   */
  async writeLines(userId: string, companyId: string, lines: readonly BasketLineWrite[], mode: 'add' | 'set'): Promise<void> {
    await this.em.transactional(async (tx) => {
      await this.ensureBasket(tx, userId, companyId);
      if (lines.length === 0) return;
      await tx.execute(
        `insert into orders.basket_line (id, basket_user_id, product_id, sku, quantity, position, added_at)
         select gen_random_uuid(), ?, l.product_id, l.sku, l.quantity,
                (select coalesce(max(position), 0) from orders.basket_line where basket_user_id = ?) + l.n, now()
           from unnest(?::uuid[], ?::text[], ?::numeric[]) with ordinality as l(product_id, sku, quantity, n)
         on conflict (basket_user_id, product_id) do update
           set quantity = ${mode === 'add' ? 'orders.basket_line.quantity + excluded.quantity' : 'excluded.quantity'}, sku = excluded.sku`,
        [userId, userId, pgArray(lines.map((l) => l.productId)), pgArray(lines.map((l) => l.sku)), pgArray(lines.map((l) => l.quantity))],
      );
    });
  }

  /** Removes lines (by product; all when `productIds` is null); returns how many. */
  async removeLines(userId: string, productIds: readonly string[] | null): Promise<number> {
    return this.em.transactional(async (tx) => {
      const removed = await tx.nativeDelete(BasketLineEntity, productIds === null ? { basket: { userId } } : { basket: { userId }, productId: { $in: [...productIds] } });
      await tx.nativeUpdate(BasketEntity, { userId }, { updatedAt: new Date() });
      return removed;
    });
  }

  async setDetails(userId: string, companyId: string, details: BasketDetails): Promise<void> {
    await this.em.transactional(async (tx) => {
      await this.ensureBasket(tx, userId, companyId);
      await tx.nativeUpdate(BasketEntity, { userId }, { ...details, updatedAt: new Date() });
    });
  }

  private async ensureBasket(tx: EntityManager, userId: string, companyId: string): Promise<void> {
    await tx.execute(
      `insert into orders.basket (user_id, company_id, updated_at) values (?, ?, now())
       on conflict (user_id) do update set updated_at = now()`,
      [userId, companyId],
    );
  }
}

/** A PostgreSQL array literal of plain values (ids, SKUs, decimals: no quotes or commas inside). */
function pgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}
