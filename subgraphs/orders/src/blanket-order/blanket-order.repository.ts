import { EntityManager } from '@mikro-orm/postgresql';
import { BlanketOrderEntity } from './blanket-order.entity';
import { PendingDrawdown } from './blanket-order.remaining';

/** Orders that no longer draw on a blanket order: the ERP refused them, staff rejected them, or they were cancelled. */
const NOT_DRAWING = ['CANCELLED', 'REJECTED', 'ERP_REFUSED'];

export class BlanketOrderRepository {
  constructor(private readonly em: EntityManager) {}

  /** The company's blanket orders, the newest agreement first. */
  ofCompany(companyId: string): Promise<BlanketOrderEntity[]> {
    return this.em.find(BlanketOrderEntity, { companyId }, { orderBy: { validTo: 'desc', number: 'asc' } });
  }

  /** The blanket order locked until the transaction ends: drawdowns of one blanket order wait for each other. Needs a transactional EntityManager. */
  async locked(id: string): Promise<BlanketOrderEntity | null> {
    const rows = await this.em.execute<Array<{ id: string }>>('select id from orders.blanket_order where id = ?::uuid for update', [id]);
    if (rows.length === 0) return null;
    return this.em.findOne(BlanketOrderEntity, { id }, { refresh: true });
  }

  /** The hub's drawdowns of these blanket orders the ERP has not counted yet (per blanket order, SKU and shop), one statement. */
  async pendingDrawdowns(blankets: ReadonlyArray<Pick<BlanketOrderEntity, 'id' | 'countedHubOrderIds'>>): Promise<Map<string, PendingDrawdown[]>> {
    const out = new Map<string, PendingDrawdown[]>(blankets.map((b) => [b.id, []]));
    if (blankets.length === 0) return out;
    const rows = await this.em.execute<Array<{ blanket_order_id: string; sku: string; shop: string | null; quantity: string }>>(
      `select o.blanket_order_id, l.sku, o.delivery_address_code as shop, sum(l.quantity)::text as quantity
         from unnest(?::uuid[], ?::text[]) as b(id, counted)
         join orders.customer_order o on o.blanket_order_id = b.id
         join orders.order_line l on l.order_id = o.id
        where not (o.id::text = any(string_to_array(b.counted, ','))) and o.status <> all(?::text[])
        group by o.blanket_order_id, l.sku, o.delivery_address_code`,
      [`{${blankets.map((b) => b.id).join(',')}}`, `{${blankets.map((b) => `"${b.countedHubOrderIds.join(',')}"`).join(',')}}`, `{${NOT_DRAWING.join(',')}}`],
    );
    for (const r of rows) out.get(r.blanket_order_id)?.push({ sku: r.sku, shop: r.shop, quantity: r.quantity });
    return out;
  }

  async markDrawdown(orderId: string, blanket: Pick<BlanketOrderEntity, 'id' | 'number'>): Promise<void> {
    await this.em.execute('update orders.customer_order set blanket_order_id = ?::uuid, blanket_order_number = ? where id = ?::uuid', [blanket.id, blanket.number, orderId]);
  }
}
