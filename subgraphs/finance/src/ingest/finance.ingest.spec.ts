import { isMergeTarget } from '@hub/ingest';
import { mergeTargetMismatches } from '@hub/subgraph-kit';
import { financeSubgraph } from '../index';
import * as ingest from './finance.ingest';

// Every merge target the ingest exports must agree with the table it fills, column by column.
describe('finance merge targets', () => {
  const targets = Object.values<unknown>(ingest).filter(isMergeTarget);

  it('are exported for every table the ERP fills', () => {
    expect(targets.map((t) => t.table).sort()).toEqual(['credit_note', 'delivery_note', 'invoice', 'open_item', 'payment']);
  });

  it('agree with the finance entities', async () => {
    expect(await mergeTargetMismatches(financeSubgraph, targets)).toEqual([]);
  });
});
