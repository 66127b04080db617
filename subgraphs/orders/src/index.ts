import 'reflect-metadata';
import { join } from 'node:path';
import { pushToCollection, SubgraphModule, syncKind } from '@hub/subgraph-kit';
import { buildOrdersContext, OrdersContext } from './context';
import { seedOrdersDemoData } from './demo/orders-demo.seed';
import { OrderLineEntity } from './order/order-line.entity';
import { OrderEntity } from './order/order.entity';
import { buildOrdersSchema } from './schema';
import { acknowledgeOrder, ORDER_PLACED_TOPIC, ordersOutbox, OrdersOutboxMessageEntity } from './outbox/orders-outbox';
import { ingestOrders } from './ingest/orders.ingest';
import { ORDER_STATUS_CHANGED_TOPIC } from './order/order-events';

export const ordersSubgraph: SubgraphModule<OrdersContext> = {
  name: 'orders',
  dbSchema: 'orders',
  entities: [OrderEntity, OrderLineEntity, OrdersOutboxMessageEntity],
  migrationsPath: join(__dirname, 'migrations'),
  buildSchema: buildOrdersSchema,
  buildContext: buildOrdersContext,
  seedDemoData: seedOrdersDemoData,
  sync: {
    kinds: [syncKind('orders', { ingest: ingestOrders, defaultIntervalSeconds: 30, description: 'Order status and ERP-side corrections (orders subgraph)' })],
  },
  outbox: {
    store: ordersOutbox,
    // The ERP's idempotency key is the hub's order id; its receipt gives the order its ERP number.
    topics: [pushToCollection(ORDER_PLACED_TOPIC, 'orders', { acknowledge: acknowledgeOrder })],
  },
  events: [
    {
      topic: ORDER_STATUS_CHANGED_TOPIC,
      description: "An order's status, lines or ERP number changed (key: the order id).",
      serves: { orderStatusChanged: { keyArg: 'orderId', queryField: 'order', queryArg: 'id' } },
    },
  ],
};

export { OrderEntity, OrderLineEntity };
export { OrderStatus } from './order/order-status';
export { ORDER_STATUS_CHANGED_TOPIC, publishOrderStatusChanged } from './order/order-events';
export * from './ingest/orders.ingest';
export { ORDER_PLACED_TOPIC } from './outbox/orders-outbox';
