import 'reflect-metadata';
import { GuestBasketEntity } from './guest-basket/guest-basket.entity';
import { join } from 'node:path';
import { alsoIngests, pushToCollection, SubgraphModule, syncKind } from '@hub/subgraph-kit';
import { buildOrdersContext, OrdersContext } from './context';
import { seedOrdersDemoData } from './demo/orders-demo.seed';
import { BasketEntity } from './basket/basket.entity';
import { BasketLineEntity } from './basket/basket-line.entity';
import { CompanyAccountEntity } from './account/company-account.entity';
import { ingestCompanyAccounts } from './account/company-account.ingest';
import { HoldRuleEntity } from './hold/hold-rule.entity';
import { OrderLineEntity } from './order/order-line.entity';
import { OrderEntity } from './order/order.entity';
import { OrderStatusEventEntity } from './order/order-status-event.entity';
import { QuoteEntity } from './quote/quote.entity';
import { QuoteLineEntity } from './quote/quote-line.entity';
import { OrderingSettingsEntity } from './settings/ordering-settings.entity';
import { buildOrdersSchema } from './schema';
import { acknowledgeOrder, ORDER_PLACED_TOPIC, orderDeadLettered, ordersOutbox, OrdersOutboxMessageEntity } from './outbox/orders-outbox';
import { ingestOrders } from './ingest/orders.ingest';
import { ORDER_STATUS_CHANGED_TOPIC } from './order/order-events';
import { ORDER_NOTIFICATIONS } from './order/order-notifications';
import { startRecentPricings } from './pricing/recent-pricings';
import { orderStatusTexts } from './order/order-status-texts';
import { PickupStoreEntity } from './pickup/pickup-store.entity';
import { ingestPickupStores } from './pickup/pickup-store.ingest';
import { acknowledgeHandover, ORDER_HANDED_OVER_TOPIC } from './pickup/pickup-outbox';

export const ordersSubgraph: SubgraphModule<OrdersContext> = {
  name: 'orders',
  dbSchema: 'orders',
  entities: [
    OrderEntity, OrderLineEntity, OrderStatusEventEntity, OrdersOutboxMessageEntity, BasketEntity, BasketLineEntity,
    QuoteEntity, QuoteLineEntity, OrderingSettingsEntity, HoldRuleEntity, CompanyAccountEntity, PickupStoreEntity,
    GuestBasketEntity,
  ],
  migrationsPath: join(__dirname, 'migrations'),
  buildSchema: buildOrdersSchema,
  buildContext: buildOrdersContext,
  seedDemoData: seedOrdersDemoData,
  sync: {
    kinds: [syncKind('orders', { ingest: ingestOrders, defaultIntervalSeconds: 30, description: 'Order status, delivery dates, line splits and ERP-side corrections (orders subgraph)' })],
    // Each company's ERP account: credit limit, balance and block for the hold rules, tax rate, customer number, delivery addresses.
    // Which ERP warehouses are stores an order can be collected in.
    alsoIngests: [alsoIngests('customers', ingestCompanyAccounts), alsoIngests('warehouses', ingestPickupStores)],
  },
  outbox: {
    store: ordersOutbox,
    // The ERP's idempotency key is the hub's order id; its receipt gives the order its ERP number, its refusal a visible state.
    topics: [
      pushToCollection(ORDER_PLACED_TOPIC, 'orders', { acknowledge: acknowledgeOrder, deadLettered: orderDeadLettered }),
      // A store's handover of an order collected there; the ERP's receipt makes it COLLECTED.
      pushToCollection(ORDER_HANDED_OVER_TOPIC, 'pickups', { acknowledge: acknowledgeHandover }),
    ],
  },
  events: [
    {
      topic: ORDER_STATUS_CHANGED_TOPIC,
      description: "An order's status, lines or ERP number changed (key: the order id).",
      serves: {
        orderStatusChanged: { keyArg: 'orderId', queryField: 'order', queryArg: 'id', batchQueryField: 'ordersByIds', batchQueryArg: 'ids' },
        // Every event, resolved as the subscriber: the orders it may not see answer NOT_FOUND and are skipped.
        myOrdersChanged: { keyArg: null, queryField: 'order', queryArg: 'id', batchQueryField: 'ordersByIds', batchQueryArg: 'ids' },
      },
    },
  ],
  // E-mails to the placer: placed, approved, awaiting approval, held, rejected, confirmed, invoiced, late.
  notifications: ORDER_NOTIFICATIONS,
  hubTextKinds: [orderStatusTexts],
  // Reuses a caller's prices of a moment ago while the catalogue is unchanged (pricing/recent-pricings.ts).
  whileServing: (runtime) => startRecentPricings(runtime.databaseUrl),
};

export { OrderEntity, OrderLineEntity };
export { OrderStatus } from './order/order-status';
export { ORDER_STATUS_CHANGED_TOPIC, publishOrderStatusChanged } from './order/order-events';
export * from './ingest/orders.ingest';
export * from './account/company-account.ingest';
export { ORDER_PLACED_TOPIC } from './outbox/orders-outbox';
export { orderIdOf, PUBLIC_SHOP_COMPANY_ID } from './guest-basket/guest-basket.service';
