import { checkedInSupergraph, supergraphAt } from './hive-gateway-config';

describe("Hive Gateway's supergraph", () => {
  it('points each named subgraph at its configured URL and leaves the others as checked in', () => {
    const sdl = checkedInSupergraph();
    const moved = supergraphAt(sdl, { products: 'http://10.0.0.5:9002/graphql', nosuch: 'http://x/graphql' });
    expect(moved).toContain('@join__graph(name: "products", url: "http://10.0.0.5:9002/graphql")');
    expect(moved).not.toContain('http://127.0.0.1:4002/graphql');
    expect(moved).toContain('@join__graph(name: "customers", url: "http://127.0.0.1:4001/graphql")');
    expect(moved.replace('http://10.0.0.5:9002/graphql', 'http://127.0.0.1:4002/graphql')).toBe(sdl);
  });
});
