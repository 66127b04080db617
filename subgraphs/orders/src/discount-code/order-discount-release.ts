import { EntityManager } from '@mikro-orm/postgresql';

/**
 * A rejected order never reaches the ERP, so what it took is given back, in the rejecting
 * transaction: its discount code's use (the register entry goes, the count comes down) and the
 * loyalty discounts it took (open again for the next order).
 */
export async function releaseOrderDiscounts(em: EntityManager, orderId: string): Promise<void> {
  await em.execute(
    `with used as (delete from orders.discount_code_use where order_id = ?::uuid returning code_id)
     update orders.discount_code c set used_count = c.used_count - 1 from used where c.id = used.code_id`,
    [orderId],
  );
  await em.execute(`update orders.loyalty_redemption set status = 'OPEN', order_id = null where order_id = ?::uuid and kind = 'DISCOUNT' and status = 'USED'`, [orderId]);
}
