import { HubError } from '@hub/errors';

/**
 * The `subscribe` of every subscription field a subgraph declares: subgraphs declare their
 * subscriptions for the supergraph but never run them; the gateway serves them from the events
 * the subgraph publishes (see EventTopicDeclaration).
 */
export function servedByTheGateway(): never {
  throw new HubError('BAD_USER_INPUT', 'Subscriptions are served by the gateway.');
}
