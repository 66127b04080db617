import { customersSubgraph } from '@hub/customers';
import { financeSubgraph } from '@hub/finance';
import { ordersSubgraph } from '@hub/orders';
import { productsSubgraph } from '@hub/products';
import { suppliersSubgraph } from '@hub/suppliers';
import { SubgraphModule } from '@hub/subgraph-kit';

/** The five subgraphs that make up the supergraph, in a fixed order. */
export const SUBGRAPH_MODULES: SubgraphModule<any>[] = [customersSubgraph, productsSubgraph, ordersSubgraph, financeSubgraph, suppliersSubgraph];

/** The URL each subgraph has in the checked-in supergraph; the gateway overrides them at run time. */
export function defaultSubgraphUrl(index: number): string {
  return `http://127.0.0.1:${4001 + index}/graphql`;
}
