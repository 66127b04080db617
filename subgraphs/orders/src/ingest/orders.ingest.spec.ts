import { isMergeTarget } from '@hub/ingest';
import { mergeTargetMismatches } from '@hub/subgraph-kit';
import { ordersSubgraph } from '../index';
import * as ingest from './orders.ingest';

// Every merge target the ingest exports must agree with the table it fills, column by column.
describe('orders merge targets', () => {
  const targets = Object.values<unknown>(ingest).filter(isMergeTarget);

  it('are exported for every table the ERP fills', () => {
    expect(targets.map((t) => t.table).sort()).toEqual(['customer_order', 'order_line']);
  });

  it('agree with the orders entities', async () => {
    expect(await mergeTargetMismatches(ordersSubgraph, targets)).toEqual([]);
  });
});
