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

export function buildOrdersSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<OrdersContext>({
    resolvers: [
      OrderResolver, OrderStatusEventResolver, OrderConnectionResolver, CompanyOrdersResolver, OrderSubscriptionResolver, OrderApprovalResolver,
      BasketResolver, BasketLineResolver, QuoteResolver, HoldRuleResolver, OrderingSettingsResolver, CompanyCreditResolver, PickupResolver,
      GuestBasketResolver,
    ],
    referenceResolvers: {
      Order: { __resolveReference: resolveOrderReference },
      Company: { __resolveReference: resolveCompanyReference },
    },
  });
}
