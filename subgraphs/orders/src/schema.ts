import { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '@hub/subgraph-kit';
import { OrdersContext } from './context';
import { resolveCompanyReference, resolveOrderReference } from './order/order.reference';
import { CompanyOrdersResolver, OrderResolver } from './order/order.resolver';
import { OrderSubscriptionResolver } from './order/order-subscription.resolver';

export function buildOrdersSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<OrdersContext>({
    resolvers: [OrderResolver, CompanyOrdersResolver, OrderSubscriptionResolver],
    referenceResolvers: {
      Order: { __resolveReference: resolveOrderReference },
      Company: { __resolveReference: resolveCompanyReference },
    },
  });
}
