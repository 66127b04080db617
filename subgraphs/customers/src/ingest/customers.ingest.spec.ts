import { isMergeTarget } from '@hub/ingest';
import { mergeTargetMismatches } from '@hub/subgraph-kit';
import { customersSubgraph } from '../index';
import * as ingest from './customers.ingest';

// Every merge target the ingest exports must agree with the table it fills, column by column.
describe('customers merge targets', () => {
  const targets = Object.values<unknown>(ingest).filter(isMergeTarget);

  it('are exported for every table the ERP fills', () => {
    expect(targets.map((t) => t.table).sort()).toEqual(['company', 'contact']);
  });

  it('agree with the customers entities', async () => {
    expect(await mergeTargetMismatches(customersSubgraph, targets)).toEqual([]);
  });
});
