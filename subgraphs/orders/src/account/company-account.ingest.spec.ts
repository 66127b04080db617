import { mergeTargetMismatches } from '@hub/subgraph-kit';
import { ordersSubgraph } from '../index';
import { COMPANY_ACCOUNT_TARGET } from './company-account.ingest';

describe('company account merge target', () => {
  it('agrees with the orders entities', async () => {
    expect(await mergeTargetMismatches(ordersSubgraph, [COMPANY_ACCOUNT_TARGET])).toEqual([]);
  });
});
