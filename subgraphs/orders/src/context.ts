import { BaseContext, createByIdLoader, createGroupLoader, SubgraphRuntime } from '@hub/subgraph-kit';
import { OrderEntity } from './order/order.entity';
import { OrderRepository } from './order/order.repository';
import { MAX_ORDERS_PER_PAGE, OrderLoaders, OrderService } from './order/order.service';

export interface OrdersContext extends BaseContext {
  loaders: OrderLoaders;
  services: { orders: OrderService };
  gatewayUrl(): string;
}

export function buildOrdersContext(base: BaseContext, runtime: SubgraphRuntime): OrdersContext {
  const { em } = base;
  const orders = new OrderRepository(em);
  const loaders: OrderLoaders = {
    orderById: createByIdLoader(em, OrderEntity),
    linesByOrder: createGroupLoader((orderIds) => orders.linesOf(orderIds), (line) => line.order.id),
    // At most one page per company: Company.orders slices it to `first`.
    ordersByCompany: createGroupLoader((companyIds) => orders.newestPerCompany(companyIds, MAX_ORDERS_PER_PAGE), (order) => order.companyId),
  };
  return { ...base, gatewayUrl: runtime.gatewayUrl, loaders, services: { orders: new OrderService(orders, em, loaders, runtime.gatewayUrl) } };
}
