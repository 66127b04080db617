import { readFileSync } from 'node:fs';
import { SubgraphModule } from '@hub/subgraph-kit';
import { checkSupergraphModules, SUPERGRAPH_PATH, supergraphSubgraphNames } from './supergraph';

const named = (...names: string[]) => names.map((name) => ({ name }) as SubgraphModule);

describe('the supergraph and the hub modules', () => {
  const sdl = readFileSync(SUPERGRAPH_PATH, 'utf8');

  it('reads the subgraphs a supergraph joins', () => {
    expect(supergraphSubgraphNames(sdl)).toEqual(['customers', 'finance', 'integrator', 'notifications', 'orders', 'products', 'suppliers']);
  });

  it('accepts exactly the modules it joins, and explains what to do otherwise', () => {
    expect(() => checkSupergraphModules(sdl, named('orders', 'customers', 'products', 'finance', 'suppliers', 'integrator', 'notifications'))).not.toThrow();
    expect(() => checkSupergraphModules(sdl, named('orders', 'customers', 'products', 'finance', 'suppliers', 'integrator', 'notifications', 'memos'))).toThrow(/HUB_SUPERGRAPH/);
    expect(() => checkSupergraphModules(sdl, named('orders'))).toThrow(/joins customers, finance/);
  });
});
