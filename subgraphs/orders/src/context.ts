import { BaseContext, createByIdLoader, createGroupLoader, SubgraphRuntime, ViewerTexts } from '@hub/subgraph-kit';
import { OrderApprovalService } from './approval/order-approval.service';
import { BasketRepository } from './basket/basket.repository';
import { BasketService } from './basket/basket.service';
import { OrderingFactsRepository, OrderingFactsService } from './account/ordering-facts.repository';
import { CompanyCreditService } from './account/company-credit.service';
import { HoldRuleRepository } from './hold/hold-rule.repository';
import { HoldRuleService } from './hold/hold-rule.service';
import { OrderEntity } from './order/order.entity';
import { OrderPlacementService } from './order/order-placement.service';
import { OrderPlacementRepository } from './order/order-placement.repository';
import { OrderRepository } from './order/order.repository';
import { MAX_ORDERS_PER_PAGE, OrderLoaders, OrderService } from './order/order.service';
import { OrderPricingService } from './pricing/order-pricing.service';
import { recentPricings } from './pricing/recent-pricings';
import { QuoteRepository } from './quote/quote.repository';
import { QuoteService } from './quote/quote.service';
import { OrderingSettingsService } from './settings/ordering-settings.service';
import { PickupService } from './pickup/pickup.service';
import { GuestBasketService } from './guest-basket/guest-basket.service';

export interface OrdersContext extends BaseContext {
  loaders: OrderLoaders;
  services: {
    orders: OrderService;
    placement: OrderPlacementService;
    approvals: OrderApprovalService;
    baskets: BasketService;
    quotes: QuoteService;
    holdRules: HoldRuleService;
    settings: OrderingSettingsService;
    credit: CompanyCreditService;
    texts: ViewerTexts;
    pickups: PickupService;
    guestBaskets: GuestBasketService;
  };
  gatewayUrl(): string;
}

export function buildOrdersContext(base: BaseContext, runtime: SubgraphRuntime): OrdersContext {
  const { em } = base;
  const orders = new OrderRepository(em);
  const baskets = new BasketRepository(em);
  const quotes = new QuoteRepository(em);
  const pricing = new OrderPricingService(runtime.gatewayUrl, base.viewer, base.bearer, recentPricings(runtime.databaseUrl));
  const facts = new OrderingFactsService(new OrderingFactsRepository(em));
  const loaders: OrderLoaders = {
    orderById: createByIdLoader(em, OrderEntity),
    linesByOrder: createGroupLoader((orderIds) => orders.linesOf(orderIds), (line) => line.order.id),
    timelineByOrder: createGroupLoader((orderIds) => orders.timelinesOf(orderIds), (event) => event.orderId),
    // At most one page per company: Company.orders slices it to `first`.
    ordersByCompany: createGroupLoader((companyIds) => orders.newestPerCompany(companyIds, MAX_ORDERS_PER_PAGE), (order) => order.companyId),
  };
  const basketService = new BasketService(baskets, pricing, facts);
  return {
    ...base,
    gatewayUrl: runtime.gatewayUrl,
    loaders,
    services: {
      orders: new OrderService(orders, loaders),
      placement: new OrderPlacementService(em, orders, new OrderPlacementRepository(em), quotes, pricing, facts, { gatewayUrl: runtime.gatewayUrl, secrets: runtime.secrets }),
      approvals: new OrderApprovalService(em),
      baskets: basketService,
      guestBaskets: new GuestBasketService(em, base.viewer, runtime.secrets, runtime.gatewayUrl, basketService),
      quotes: new QuoteService(quotes, em, baskets, pricing, facts),
      holdRules: new HoldRuleService(new HoldRuleRepository(em), em),
      settings: new OrderingSettingsService(em),
      pickups: new PickupService(em),
      credit: new CompanyCreditService(em, facts),
      texts: new ViewerTexts(runtime, base.viewer, base.acceptLanguage),
    },
  };
}
