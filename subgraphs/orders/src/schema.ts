import { GraphQLSchema } from 'graphql';
import { GuestBasketResolver } from './guest-basket/guest-basket.resolver';
import { buildFederatedSchema } from '@hub/subgraph-kit';
import { OrderApprovalResolver } from './approval/order-approval.resolver';
import { CompanyCreditResolver } from './account/company-credit.resolver';
import { BasketLineResolver, BasketResolver } from './basket/basket.resolver';
import { OrdersContext } from './context';
import { HoldRuleResolver } from './hold/hold-rule.resolver';
import { resolveCompanyReference, resolveOrderReference } from './order/order.reference';
import { CompanyOrdersResolver, OrderConnectionResolver, OrderResolver, OrderStatusEventResolver } from './order/order.resolver';
import { OrderSubscriptionResolver } from './order/order-subscription.resolver';
import { QuoteResolver } from './quote/quote.resolver';
import { OrderingSettingsResolver } from './settings/ordering-settings.resolver';
import { PickupResolver } from './pickup/pickup.resolver';
import { ConfiguredItemResolver } from './configured-item/configured-item.resolver';
import { BasketDeliveryResolver, DeliveryCostResolver, OrderDeliveryResolver } from './delivery-cost/delivery-cost.resolver';
import { OfferResolver } from './offer/offer.resolver';
import { resolveOfferReference } from './offer/offer.reference';
import { BlanketOrderResolver, OrderBlanketOrderResolver } from './blanket-order/blanket-order.resolver';
import { LoyaltyResolver } from './loyalty/loyalty.resolver';
import { BasketDiscountResolver, DiscountCodeResolver, OrderDiscountResolver } from './discount-code/discount-code.resolver';

import { StaffDashboardResolver } from './staff-dashboard/staff-dashboard.resolver';
import { resolveStaffDashboardReference } from './staff-dashboard/staff-dashboard.reference';

export function buildOrdersSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<OrdersContext>({
    resolvers: [
      OrderResolver, OrderStatusEventResolver, OrderConnectionResolver, CompanyOrdersResolver, OrderSubscriptionResolver, OrderApprovalResolver,
      BasketResolver, BasketLineResolver, QuoteResolver, HoldRuleResolver, OrderingSettingsResolver, CompanyCreditResolver, PickupResolver, StaffDashboardResolver,
      ConfiguredItemResolver, BasketDeliveryResolver, DeliveryCostResolver, OrderDeliveryResolver,
      OfferResolver,
      DiscountCodeResolver, BasketDiscountResolver, OrderDiscountResolver, BlanketOrderResolver, OrderBlanketOrderResolver, LoyaltyResolver,
      GuestBasketResolver,
    ],
    referenceResolvers: {
      Order: { __resolveReference: resolveOrderReference },
      Company: { __resolveReference: resolveCompanyReference },
      Offer: { __resolveReference: resolveOfferReference },
      StaffDashboard: { __resolveReference: resolveStaffDashboardReference },
    },
  });
}
