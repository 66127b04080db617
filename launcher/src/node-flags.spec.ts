import { HUB_NODE_FLAGS, withHubNodeFlags } from './node-flags';

describe('the Node flags of hub processes', () => {
  it("adds the hub's flags to the launcher's own", () => {
    expect(withHubNodeFlags(['--cpu-prof'])).toEqual(['--cpu-prof', ...HUB_NODE_FLAGS]);
    expect(HUB_NODE_FLAGS).toEqual(['--max-semi-space-size=64']);
  });

  it("keeps an operator's own value, however it is spelled", () => {
    expect(withHubNodeFlags(['--max-semi-space-size=16'])).toEqual(['--max-semi-space-size=16']);
    expect(withHubNodeFlags(['--max_semi_space_size=8'])).toEqual(['--max_semi_space_size=8']);
  });

  it('gives the finance subgraph V8\'s own young generation, even when the launcher runs with the hub\'s flags', () => {
    expect(withHubNodeFlags(['--max-semi-space-size=64', '--cpu-prof'], 'finance')).toEqual(['--cpu-prof']);
    expect(withHubNodeFlags(['--max-semi-space-size=64'], 'orders')).toEqual(['--max-semi-space-size=64']);
    expect(withHubNodeFlags([], 'products')).toEqual([...HUB_NODE_FLAGS]);
    // An operator's own value still wins.
    expect(withHubNodeFlags(['--max-semi-space-size=32'], 'finance')).toEqual(['--max-semi-space-size=32']);
  });
});
