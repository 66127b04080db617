import { customersSubgraph } from '@hub/customers';
import { financeSubgraph } from '@hub/finance';
import { ordersSubgraph } from '@hub/orders';
import { productsSubgraph } from '@hub/products';
import { suppliersSubgraph } from '@hub/suppliers';
import { integratorSubgraph } from '@hub/integrator';
import { SubgraphModule } from '@hub/subgraph-kit';

/** The subgraphs that make up the supergraph, in a fixed order: the five domains and the integrator's staff API. */
export const SUBGRAPH_MODULES: SubgraphModule<any>[] = [customersSubgraph, productsSubgraph, ordersSubgraph, financeSubgraph, suppliersSubgraph, integratorSubgraph];

/** The URL each subgraph has in the checked-in supergraph; the gateway overrides them at run time. */
export function defaultSubgraphUrl(index: number): string {
  return `http://127.0.0.1:${4001 + index}/graphql`;
}
