import { mergeTargetMismatches } from '@hub/subgraph-kit';
import { ordersSubgraph } from '../index';
import { PICKUP_STORE_TARGET } from './pickup-store.ingest';

describe('pickup store merge target', () => {
  it('agrees with the orders entities', async () => {
    expect(await mergeTargetMismatches(ordersSubgraph, [PICKUP_STORE_TARGET])).toEqual([]);
  });
});
