import { EntityManager } from '@mikro-orm/postgresql';
import { executePrepared } from '@hub/database';
import { FACTS_COLUMNS, factsFromRow, FactsRow, OrderingFacts } from '../account/ordering-facts.repository';
import { Basket, BASKET_COLUMN, basketFromJson, BasketJson } from '../basket/basket.repository';
import { DeliveryFacts, deliveryFactsColumns, deliveryFactsFromRow, DeliveryFactsRow } from '../delivery-cost/delivery-cost.repository';
import { BASKET_CODE_COLUMN } from '../discount-code/discount-code.repository';
import { OPEN_LOYALTY_DISCOUNTS_COLUMN, OpenLoyaltyDiscount } from '../loyalty/loyalty.repository';

/**
 * What placing an order reads before pricing it: whether its key was used, the placer's basket
 * with the discount code applied to it and the delivery facts of its products, the company's
 * facts and its open loyalty discounts.
 */
export interface PlacementRead {
  keyUsed: boolean;
  basket: Basket | null;
  /** The code applied to the placer's basket; null: none. */
  basketCodeId: string | null;
  /** The delivery facts of the basket's products (what a quote of an order from the basket needs). */
  basketDelivery: DeliveryFacts;
  facts: OrderingFacts;
  /** Oldest first. */
  loyaltyDiscounts: OpenLoyaltyDiscount[];
}

const BASKET_PRODUCT_IDS = 'array(select bl.product_id from orders.basket_line bl where bl.basket_user_id = ?::uuid)';

/** Placing is the hub's hottest path: what it reads before pricing is one prepared statement. */
export class OrderPlacementRepository {
  constructor(private readonly em: EntityManager) {}

  async read(companyId: string, userId: string, idempotencyKey: string): Promise<PlacementRead> {
    const [row] = await executePrepared<
      { used: boolean; basket: BasketJson | null; basket_code_id: string | null; loyalty_discounts: OpenLoyaltyDiscount[] } & FactsRow & DeliveryFactsRow
    >(
      this.em,
      `select exists (select 1 from orders.customer_order where company_id = ? and idempotency_key = ?) as used, ${BASKET_COLUMN}, ${BASKET_CODE_COLUMN},
              ${FACTS_COLUMNS}, ${OPEN_LOYALTY_DISCOUNTS_COLUMN}, ${deliveryFactsColumns(BASKET_PRODUCT_IDS)}`,
      [companyId, idempotencyKey, userId, userId, companyId, companyId, companyId, companyId, userId, companyId, userId, companyId],
    );
    return {
      keyUsed: row.used,
      basket: basketFromJson(row.basket),
      basketCodeId: row.basket_code_id,
      basketDelivery: deliveryFactsFromRow(row),
      facts: factsFromRow(row),
      loyaltyDiscounts: row.loyalty_discounts,
    };
  }
}
