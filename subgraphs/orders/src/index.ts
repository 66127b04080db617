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
import { ProductLogisticsEntity } from './delivery-cost/product-logistics.entity';
import { DeliveryDestinationEntity } from './delivery-cost/delivery-destination.entity';
import { DeliveryRateEntity } from './delivery-cost/delivery-rate.entity';
import { LogisticMinimumEntity } from './delivery-cost/logistic-minimum.entity';
import { ingestDeliveryDestinations, ingestProductLogistics } from './delivery-cost/delivery-cost.ingest';
import { OfferEntity } from './offer/offer.entity';
import { OfferVersionEntity } from './offer/offer-version.entity';
import { OfferNumberCounterEntity } from './offer/offer-number.entity';
import { OfferExtraServiceEntity, OfferTermEntity, SalesRepCustomerEntity } from './offer/offer-catalogue.entity';
import { OFFER_CHANGED_TOPIC } from './offer/offer-events';
import { offerFileRoute } from './offer/offer-file.service';
import { OFFER_NOTIFICATIONS } from './offer/offer-notifications';
import { OfferMailFileEntity } from './offer/offer-mail-file.entity';
import { BlanketOrderEntity } from './blanket-order/blanket-order.entity';
import { LoyaltyEntryEntity, LoyaltyProductGroupEntity, LoyaltyRedemptionEntity, LoyaltyRewardEntity, LoyaltyRuleEntity } from './loyalty/loyalty.entity';
import { creditLoyaltyForInvoices, ingestLoyaltyProductGroups, reverseLoyaltyForCreditNotes } from './loyalty/loyalty.ingest';
import { ingestBlanketOrders } from './blanket-order/blanket-order.ingest';
import { BasketDiscountCodeEntity, DiscountCodeEntity, DiscountCodeUseEntity } from './discount-code/discount-code.entity';

export const ordersSubgraph: SubgraphModule<OrdersContext> = {
  name: 'orders',
  dbSchema: 'orders',
  entities: [
    OrderEntity, OrderLineEntity, OrderStatusEventEntity, OrdersOutboxMessageEntity, BasketEntity, BasketLineEntity,
    QuoteEntity, QuoteLineEntity, OrderingSettingsEntity, HoldRuleEntity, CompanyAccountEntity, PickupStoreEntity,
    ProductLogisticsEntity, DeliveryDestinationEntity, DeliveryRateEntity, LogisticMinimumEntity,
    OfferEntity, OfferVersionEntity, OfferNumberCounterEntity, OfferTermEntity, OfferExtraServiceEntity, SalesRepCustomerEntity, OfferMailFileEntity,
    DiscountCodeEntity, DiscountCodeUseEntity, BasketDiscountCodeEntity, BlanketOrderEntity,
    LoyaltyRuleEntity, LoyaltyEntryEntity, LoyaltyRewardEntity, LoyaltyRedemptionEntity, LoyaltyProductGroupEntity,
    GuestBasketEntity,
  ],
  migrationsPath: join(__dirname, 'migrations'),
  buildSchema: buildOrdersSchema,
  buildContext: buildOrdersContext,
  seedDemoData: seedOrdersDemoData,
  sync: {
    kinds: [
      syncKind('orders', { ingest: ingestOrders, defaultIntervalSeconds: 30, description: 'Order status, delivery dates, line splits and ERP-side corrections (orders subgraph)' }),
      // The ERP's blanket orders: agreed lines and prices, and what each line and shop has drawn (the ERP counts each drawdown once).
      syncKind('blanketOrders', { ingest: ingestBlanketOrders, defaultIntervalSeconds: 120, description: "Blanket (indent) orders: agreed quantities and prices, validity, per-shop shares and what has been drawn (orders subgraph)" }),
    ],
    // Each company's ERP account: credit limit, balance and block for the hold rules, tax rate, customer number, delivery addresses.
    // Which ERP warehouses are stores an order can be collected in.
    // For delivery costs: each item's weight, volume and packing, and the countries each company's goods go to.
    alsoIngests: [
      alsoIngests('customers', ingestCompanyAccounts), alsoIngests('warehouses', ingestPickupStores),
      alsoIngests('products', ingestProductLogistics), alsoIngests('customers', ingestDeliveryDestinations),
      // Loyalty points: the product groups rules may name; points credited on invoices and taken back on credit notes.
      alsoIngests('products', ingestLoyaltyProductGroups), alsoIngests('invoices', creditLoyaltyForInvoices), alsoIngests('creditNotes', reverseLoyaltyForCreditNotes),
    ],
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
    {
      topic: OFFER_CHANGED_TOPIC,
      description: "An offer was sent, viewed, changed into a new version or decided (key: the offer id; on sending, data says which version and file to mail).",
    },
  ],
  // Offers as PDF or XLSX behind signed links.
  fileRoutes: [offerFileRoute],
  // E-mails to the placer: placed, approved, awaiting approval, held, rejected, confirmed, invoiced, late.
  // And an offer sent, to the customer's users, with its file attached.
  notifications: [...ORDER_NOTIFICATIONS, ...OFFER_NOTIFICATIONS],
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
