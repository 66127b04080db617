import { EntityManager } from '@mikro-orm/postgresql';
import { executePrepared } from '@hub/database';
import { FACTS_COLUMNS, factsFromRow, FactsRow, OrderingFacts } from '../account/ordering-facts.repository';
import type { LineConfiguration } from '../pricing/order-pricing.client';

/** A basket line as stored. */
export interface BasketLine {
  id: string;
  productId: string;
  sku: string;
  /** As PostgreSQL writes it ("3.000"). */
  quantity: string;
  position: number;
  /** A configured product's options (P7); null or absent for other products. */
  configuration?: LineConfiguration | null;
}

export interface BasketDetails {
  deliveryAddressCode: string | null;
  branchId: string | null;
  customerReference: string | null;
  notes: string | null;
}

/** A user's basket (see BasketEntity), its lines in display order. */
export interface Basket extends BasketDetails {
  userId: string;
  companyId: string;
  updatedAt: Date;
  lines: BasketLine[];
}

/** A line to put into a basket: added to the quantity already there, or replacing it. */
export interface BasketLineWrite {
  productId: string;
  sku: string;
  quantity: string;
  /** Given: the line's options (P7); absent: the line keeps the ones it has. */
  configuration?: LineConfiguration | null;
}

/** The basket of the user named by one parameter, as one JSON column `basket` (null: none), for statements that read it with more. */
export const BASKET_COLUMN = `
  (select json_build_object('userId', b.user_id, 'companyId', b.company_id, 'deliveryAddressCode', b.delivery_address_code, 'branchId', b.branch_id,
          'customerReference', b.customer_reference, 'notes', b.notes, 'updatedAt', b.updated_at,
          'lines', coalesce((select json_agg(json_build_object('id', l.id, 'productId', l.product_id, 'sku', l.sku, 'quantity', l.quantity::text, 'position', l.position, 'configuration', l.configuration) order by l.position)
                               from orders.basket_line l where l.basket_user_id = b.user_id), '[]'::json))
     from orders.basket b where b.user_id = ?) as basket`;

export type BasketJson = Omit<Basket, 'updatedAt'> & { updatedAt: string };

export function basketFromJson(json: BasketJson | null): Basket | null {
  return json ? { ...json, updatedAt: new Date(json.updatedAt) } : null;
}

/** A PostgreSQL array literal of plain values (ids, SKUs, decimals). */
function pgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

/** A PostgreSQL array literal whose elements may be NULL (JSON texts). */
function nullablePgArray(values: readonly (string | null)[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : `"${v.replace(/["\\]/g, '\\$&')}"`)).join(',')}}`;
}

/**
 * A user's basket: one row per user, its lines kept in the order they were first added. Reads and
 * writes are one statement each (the basket is on every ordering request's path).
 */
export class BasketRepository {
  constructor(private readonly em: EntityManager) {}

  /** The user's basket with its lines in display order; null when the user never had one. */
  async basketOf(userId: string): Promise<Basket | null> {
    const [row] = await executePrepared<{ basket: BasketJson | null }>(this.em, `select ${BASKET_COLUMN}`, [userId]);
    return basketFromJson(row.basket);
  }

  /** The user's basket and its company's ordering facts, in one statement. */
  async basketAndFacts(userId: string, companyId: string): Promise<{ basket: Basket | null; facts: OrderingFacts }> {
    const [row] = await executePrepared<{ basket: BasketJson | null } & FactsRow>(this.em, `select ${BASKET_COLUMN}, ${FACTS_COLUMNS}`, [userId, companyId, companyId, companyId]);
    return { basket: basketFromJson(row.basket), facts: factsFromRow(row) };
  }

  /**
   * Puts lines into the user's basket in one statement, creating the basket when needed: a
   * product already there gets `add`: its quantity plus this one, `set`: this quantity; new
   * products go to the end, in the order given. Returns the lines written, as they are now.
   */
  async writeLines(userId: string, companyId: string, lines: readonly BasketLineWrite[], mode: 'add' | 'set'): Promise<BasketLine[]> {
    if (lines.length === 0) return [];
    return this.em.execute<BasketLine[]>(
      `with basket as (
         insert into orders.basket (user_id, company_id, updated_at) values (?, ?, now())
         on conflict (user_id) do update set updated_at = now() returning user_id
       )
       insert into orders.basket_line (id, basket_user_id, product_id, sku, quantity, position, added_at, configuration)
       select gen_random_uuid(), basket.user_id, l.product_id, l.sku, l.quantity,
              (select coalesce(max(position), 0) from orders.basket_line where basket_user_id = basket.user_id) + l.n, now(), l.configuration
         from basket, unnest(?::uuid[], ?::text[], ?::numeric[], ?::jsonb[]) with ordinality as l(product_id, sku, quantity, configuration, n)
       on conflict (basket_user_id, product_id) do update
         set quantity = ${mode === 'add' ? 'orders.basket_line.quantity + excluded.quantity' : 'excluded.quantity'}, sku = excluded.sku,
             configuration = coalesce(excluded.configuration, orders.basket_line.configuration)
       returning id, product_id as "productId", sku, quantity::text as quantity, position, configuration`,
      [
        userId, companyId, pgArray(lines.map((l) => l.productId)), pgArray(lines.map((l) => l.sku)), pgArray(lines.map((l) => l.quantity)),
        nullablePgArray(lines.map((l) => (l.configuration ? JSON.stringify(l.configuration) : null))),
      ],
    );
  }

  /** Removes lines (by product; all when `productIds` is null); returns how many. One statement: inside a transaction given, on its EntityManager. */
  async removeLines(userId: string, productIds: readonly string[] | null): Promise<number> {
    const rows = await this.em.execute<Array<{ n: number }>>(
      `with removed as (delete from orders.basket_line where basket_user_id = ? and (?::uuid[] is null or product_id = any(?::uuid[])) returning 1),
            touched as (update orders.basket set updated_at = now() where user_id = ?)
       select count(*)::int as n from removed`,
      [userId, productIds === null ? null : pgArray(productIds), productIds === null ? null : pgArray(productIds), userId],
    );
    return rows[0].n;
  }

  async setDetails(userId: string, companyId: string, details: BasketDetails): Promise<void> {
    await this.em.execute(
      `insert into orders.basket (user_id, company_id, delivery_address_code, branch_id, customer_reference, notes, updated_at) values (?, ?, ?, ?, ?, ?, now())
       on conflict (user_id) do update set delivery_address_code = excluded.delivery_address_code, branch_id = excluded.branch_id,
         customer_reference = excluded.customer_reference, notes = excluded.notes, updated_at = now()`,
      [userId, companyId, details.deliveryAddressCode, details.branchId, details.customerReference, details.notes],
    );
  }
}

/** The basket with lines written into it: the written ones replaced or appended. */
export function withLines(basket: Basket, written: readonly BasketLine[]): Basket {
  const lines = basket.lines.map((l) => written.find((w) => w.productId === l.productId) ?? l);
  for (const w of written) if (!basket.lines.some((l) => l.productId === w.productId)) lines.push(w);
  return { ...basket, lines: lines.sort((a, b) => a.position - b.position), updatedAt: new Date() };
}
