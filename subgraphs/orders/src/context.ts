import DataLoader from 'dataloader';
import { BaseContext, createByIdLoader, createGroupLoader, FileLinks, fileLinkOrigin, fileLinkTtlSeconds, SubgraphRuntime, ViewerTexts } from '@hub/subgraph-kit';
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
import { DeliveryCostService } from './delivery-cost/delivery-cost.service';
import { DeliveryCostRepository } from './delivery-cost/delivery-cost.repository';
import { OfferEntity } from './offer/offer.entity';
import { OfferRepository } from './offer/offer.repository';
import { OfferService } from './offer/offer.service';
import { OFFER_FILE_TYPES, offerDocument, offerFileName, OfferFileService } from './offer/offer-file.service';
import { OfferFileFormat } from './offer/offer.object';
import { fetchOfferBranding } from './offer/offer-branding';
import { DiscountCodeService } from './discount-code/discount-code.service';
import { DiscountCodeRepository } from './discount-code/discount-code.repository';
import { DiscountCodeUseEntity } from './discount-code/discount-code.entity';
import { BlanketOrderService } from './blanket-order/blanket-order.service';
import { BlanketOrderRepository } from './blanket-order/blanket-order.repository';
import { LoyaltyService } from './loyalty/loyalty.service';
import { LoyaltyRepository } from './loyalty/loyalty.repository';
import { StaffDashboardRepository } from './staff-dashboard/staff-dashboard.repository';
import { StaffDashboardService } from './staff-dashboard/staff-dashboard.service';
import { GuestBasketService } from './guest-basket/guest-basket.service';

export interface OrdersContext extends BaseContext {
  loaders: OrderLoaders & { discountCodeUses: DataLoader<string, DiscountCodeUseEntity[]> };
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
    deliveryCosts: DeliveryCostService;
    offers: OfferService;
    offerFiles: OfferFileService;
    discountCodes: DiscountCodeService;
    blanketOrders: BlanketOrderService;
    loyalty: LoyaltyService;
    dashboard: StaffDashboardService;
    guestBaskets: GuestBasketService;
  };
  /** Offers by id, one batch per request (reference resolvers). */
  offerById: DataLoader<string, OfferEntity | null>;
  gatewayUrl(): string;
}

/** One link issuer per runtime: links point at the gateway (or HUB_PUBLIC_URL). */
const linkIssuers = new WeakMap<SubgraphRuntime, FileLinks>();
function fileLinks(runtime: SubgraphRuntime): FileLinks {
  let links = linkIssuers.get(runtime);
  if (!links) linkIssuers.set(runtime, (links = new FileLinks('orders', runtime.secrets, fileLinkOrigin(runtime.gatewayUrl), fileLinkTtlSeconds())));
  return links;
}

export function buildOrdersContext(base: BaseContext, runtime: SubgraphRuntime): OrdersContext {
  const { em } = base;
  const orders = new OrderRepository(em);
  const baskets = new BasketRepository(em);
  const quotes = new QuoteRepository(em);
  const pricing = new OrderPricingService(runtime.gatewayUrl, base.viewer, base.bearer, recentPricings(runtime.databaseUrl));
  const facts = new OrderingFactsService(new OrderingFactsRepository(em));
  const discountCodes = new DiscountCodeService(em, new DiscountCodeRepository(em));
  const loaders: OrdersContext['loaders'] = {
    orderById: createByIdLoader(em, OrderEntity),
    linesByOrder: createGroupLoader((orderIds) => orders.linesOf(orderIds), (line) => line.order.id),
    timelineByOrder: createGroupLoader((orderIds) => orders.timelinesOf(orderIds), (event) => event.orderId),
    // At most one page per company: Company.orders slices it to `first`.
    ordersByCompany: createGroupLoader((companyIds) => orders.newestPerCompany(companyIds, MAX_ORDERS_PER_PAGE), (order) => order.companyId),
    // Staff only (the service checks): the usage register of the codes on the page.
    discountCodeUses: createGroupLoader((codeIds) => discountCodes.uses(base.viewer, codeIds), (use) => use.codeId),
  };
  const basketService = new BasketService(baskets, pricing, facts);
  const deliveryCosts = new DeliveryCostService(em, new DeliveryCostRepository(em), basketService);
  const placement = new OrderPlacementService(em, orders, new OrderPlacementRepository(em), quotes, pricing, facts, deliveryCosts, { gatewayUrl: runtime.gatewayUrl, secrets: runtime.secrets });
  const branding = () => fetchOfferBranding(runtime.gatewayUrl());
  const offers = new OfferService(em, new OfferRepository(em), placement, runtime.gatewayUrl, base.bearer, async (offer, format) => ({
    fileName: offerFileName(offer, format as OfferFileFormat), contentType: OFFER_FILE_TYPES[format as OfferFileFormat].contentType, content: await offerDocument(offer, format as OfferFileFormat, await branding()),
  }));
  return {
    ...base,
    gatewayUrl: runtime.gatewayUrl,
    loaders,
    offerById: createByIdLoader(em, OfferEntity),
    services: {
      orders: new OrderService(orders, loaders),
      placement,
      offers,
      offerFiles: new OfferFileService(offers, fileLinks(runtime), branding, fileLinkTtlSeconds()),
      approvals: new OrderApprovalService(em),
      baskets: basketService,
      deliveryCosts,
      guestBaskets: new GuestBasketService(em, base.viewer, runtime.secrets, runtime.gatewayUrl, basketService, deliveryCosts),
      quotes: new QuoteService(quotes, em, baskets, pricing, facts),
      holdRules: new HoldRuleService(new HoldRuleRepository(em), em),
      settings: new OrderingSettingsService(em),
      pickups: new PickupService(em),
      discountCodes,
      blanketOrders: new BlanketOrderService(em, new BlanketOrderRepository(em), orders),
      loyalty: new LoyaltyService(em, new LoyaltyRepository(em)),
      dashboard: new StaffDashboardService(new StaffDashboardRepository(em), base.viewer),
      credit: new CompanyCreditService(em, facts),
      texts: new ViewerTexts(runtime, base.viewer, base.acceptLanguage),
    },
  };
}
