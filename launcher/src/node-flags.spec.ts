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
});
