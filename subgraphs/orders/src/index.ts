import 'reflect-metadata';
import { join } from 'node:path';
import { SubgraphModule } from '@hub/subgraph-kit';
import { buildOrdersContext, OrdersContext } from './context';
import { seedOrdersDemoData } from './demo/orders-demo.seed';
import { OrderLineEntity } from './order/order-line.entity';
import { OrderEntity } from './order/order.entity';
import { buildOrdersSchema } from './schema';
import { OrdersOutboxMessageEntity } from './outbox/orders-outbox';

export const ordersSubgraph: SubgraphModule<OrdersContext> = {
  name: 'orders',
  dbSchema: 'orders',
  entities: [OrderEntity, OrderLineEntity, OrdersOutboxMessageEntity],
  migrationsPath: join(__dirname, 'migrations'),
  buildSchema: buildOrdersSchema,
  buildContext: buildOrdersContext,
  seedDemoData: seedOrdersDemoData,
};

export { OrderEntity, OrderLineEntity };
export { OrderStatus } from './order/order-status';
export { ORDER_STATUS_CHANGED_TOPIC, publishOrderStatusChanged } from './order/order-events';
export * from './ingest/orders.ingest';
export { ordersOutbox, ORDER_PLACED_TOPIC } from './outbox/orders-outbox';
