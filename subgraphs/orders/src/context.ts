import DataLoader from 'dataloader';
import { BaseContext, createByIdLoader, createGroupLoader, SubgraphRuntime } from '@hub/subgraph-kit';
import { OrderLineEntity } from './order/order-line.entity';
import { OrderEntity } from './order/order.entity';
import { OrderService, MAX_ORDERS_PER_PAGE } from './order/order.service';

export interface OrdersContext extends BaseContext {
  loaders: {
    orderById: DataLoader<string, OrderEntity | null>;
    linesByOrder: DataLoader<string, OrderLineEntity[]>;
    ordersByCompany: DataLoader<string, OrderEntity[]>;
  };
  services: { orders: OrderService };
  gatewayUrl(): string;
}

export function buildOrdersContext(base: BaseContext, runtime: SubgraphRuntime): OrdersContext {
  const { em } = base;
  const ctx = { ...base, gatewayUrl: runtime.gatewayUrl } as OrdersContext;
  ctx.loaders = {
    orderById: createByIdLoader(em, OrderEntity),
    linesByOrder: createGroupLoader(
      (orderIds) => em.find(OrderLineEntity, { order: { $in: orderIds } }, { orderBy: { lineNo: 'asc' } }),
      (line) => line.order.id,
    ),
    // Newest orders per company, at most one page each, in one query for all companies asked for.
    ordersByCompany: createGroupLoader(
      (companyIds) =>
        em.getConnection().execute<OrderEntity[]>(
          `select o.* from (select *, row_number() over (partition by company_id order by placed_at desc, number desc) as rn
             from "orders"."customer_order" where company_id in (${companyIds.map(() => '?').join(', ')})) o
           where o.rn <= ${MAX_ORDERS_PER_PAGE} order by o.placed_at desc, o.number desc`,
          companyIds,
        ).then((rows) => rows.map((row) => em.map(OrderEntity, row))),
      (order) => order.companyId,
    ),
  };
  ctx.services = { orders: new OrderService(ctx) };
  return ctx;
}
