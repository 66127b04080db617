import { EntityManager } from '@mikro-orm/postgresql';
import { executePrepared } from '@hub/database';
import { FACTS_COLUMNS, factsFromRow, FactsRow, OrderingFacts } from '../account/ordering-facts.repository';
import { Basket, BASKET_COLUMN, basketFromJson, BasketJson } from '../basket/basket.repository';

/** What placing an order reads before pricing it: whether its key was used, the placer's basket, the company's facts. */
export interface PlacementRead {
  keyUsed: boolean;
  basket: Basket | null;
  facts: OrderingFacts;
}

/** Placing is the hub's hottest path: what it reads before pricing is one prepared statement. */
export class OrderPlacementRepository {
  constructor(private readonly em: EntityManager) {}

  async read(companyId: string, userId: string, idempotencyKey: string): Promise<PlacementRead> {
    const [row] = await executePrepared<{ used: boolean; basket: BasketJson | null } & FactsRow>(
      this.em,
      `select exists (select 1 from orders.customer_order where company_id = ? and idempotency_key = ?) as used, ${BASKET_COLUMN}, ${FACTS_COLUMNS}`,
      [companyId, idempotencyKey, userId, companyId, companyId, companyId],
    );
    return { keyUsed: row.used, basket: basketFromJson(row.basket), facts: factsFromRow(row) };
  }
}
