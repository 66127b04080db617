import { Resolver, Subscription } from 'type-graphql';
import { servedByTheGateway } from '@hub/subgraph-kit';
import { SyncRunObject } from './sync.objects';

/**
 * Declares `syncRunUpdated` in the supergraph. The integrator publishes the `syncRunUpdated` event
 * (key: the run id) when a run starts and ends; the gateway resolves `syncRun(id)` for each
 * subscriber, so only staff with the sync right receive anything.
 */
@Resolver(() => SyncRunObject)
export class SyncSubscriptionResolver {
  @Subscription(() => SyncRunObject, { description: 'Each sync run as it starts and finishes (staff.sync).', subscribe: servedByTheGateway })
  syncRunUpdated(): SyncRunObject {
    return servedByTheGateway();
  }
}
