import { Arg, ID, Resolver, Subscription } from 'type-graphql';
import { HubError } from '@hub/errors';
import { OrderObject } from './order.object';

function servedByTheGateway(): never {
  throw new HubError('BAD_USER_INPUT', 'Subscriptions are served by the gateway.');
}

/**
 * Declares the orders subgraph's subscriptions in the supergraph. The subgraph never executes
 * them: the gateway listens for the events this subgraph publishes (order-events.ts) and resolves
 * `order(id)` for each, as the subscriber.
 */
@Resolver(() => OrderObject)
export class OrderSubscriptionResolver {
  @Subscription(() => OrderObject, {
    description: "Sends the order each time its status changes (your company's orders; staff: any).",
    subscribe: servedByTheGateway,
  })
  orderStatusChanged(@Arg('orderId', () => ID) _orderId: string): OrderObject {
    return servedByTheGateway();
  }
}
