import { Arg, ID, Resolver, Subscription } from 'type-graphql';
import { servedByTheGateway } from '@hub/subgraph-kit';
import { OrderObject } from './order.object';

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
