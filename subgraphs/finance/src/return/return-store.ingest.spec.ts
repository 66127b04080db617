import { mergeTargetMismatches } from '@hub/subgraph-kit';
import { financeSubgraph } from '../index';
import { RETURN_STORE_TARGET } from './return-store.ingest';

describe('return store merge target', () => {
  it('agrees with the finance entities', async () => {
    expect(await mergeTargetMismatches(financeSubgraph, [RETURN_STORE_TARGET])).toEqual([]);
  });
});
