import { isMergeTarget } from '@hub/ingest';
import { mergeTargetMismatches } from '@hub/subgraph-kit';
import { productsSubgraph } from '../index';
import * as ingest from './products.ingest';

// Every merge target the ingest exports must agree with the table it fills, column by column.
describe('products merge targets', () => {
  const targets = Object.values<unknown>(ingest).filter(isMergeTarget);

  it('are exported for every table the ERP fills', () => {
    expect(targets.map((t) => t.table).sort()).toEqual(['category', 'customer_price_profile', 'exchange_rate', 'price_rule', 'product', 'product_category', 'stock_level', 'warehouse']);
  });

  it('agree with the products entities', async () => {
    expect(await mergeTargetMismatches(productsSubgraph, targets)).toEqual([]);
  });
});
