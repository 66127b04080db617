import { createGroupLoader, createUniqueLoader } from './by-id-loader';

describe('batch loaders', () => {
  it('createUniqueLoader answers every key in order, null for missing ones, in one call', async () => {
    const load = jest.fn(async (keys: string[]) => keys.filter((k) => k !== 'b').map((k) => ({ key: k, n: k.length })));
    const loader = createUniqueLoader(load, (row) => row.key);
    expect(await Promise.all([loader.load('a'), loader.load('b'), loader.load('cc')])).toEqual([{ key: 'a', n: 1 }, null, { key: 'cc', n: 2 }]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('createGroupLoader gives each key its rows, empty for keys without any', async () => {
    const loader = createGroupLoader(async () => [{ k: 'a', v: 1 }, { k: 'a', v: 2 }], (row) => row.k);
    expect(await loader.loadMany(['a', 'z'])).toEqual([[{ k: 'a', v: 1 }, { k: 'a', v: 2 }], []]);
  });
});
