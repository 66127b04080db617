import { Arg, ID, Resolver, Subscription } from 'type-graphql';
import { servedByTheGateway } from '@hub/subgraph-kit';
import { OrderObject } from './order.object';

/**
 * Declares the orders subgraph's subscriptions in the supergraph. The subgraph never executes
 * them: the gateway listens for the events this subgraph (and finance, for an order's documents)
 * publishes and resolves `order(id)` for each, as the subscriber, so rights are checked per event.
 */
@Resolver(() => OrderObject)
export class OrderSubscriptionResolver {
  @Subscription(() => OrderObject, {
    description: "Sends the order each time its status, lines or documents change (your company's orders; staff: any).",
    subscribe: servedByTheGateway,
  })
  orderStatusChanged(@Arg('orderId', () => ID) _orderId: string): OrderObject {
    return servedByTheGateway();
  }

  @Subscription(() => OrderObject, {
    description: "Sends each order of your company you may see (orders.view; staff: every order) when its status, lines or documents change.",
    subscribe: servedByTheGateway,
  })
  myOrdersChanged(): OrderObject {
    return servedByTheGateway();
  }
}
