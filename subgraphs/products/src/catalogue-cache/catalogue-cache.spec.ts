import { CatalogueCache } from './catalogue-cache';
import { CatalogueChange, CatalogueChangesRead } from './catalogue-change.repository';
import { CatalogueTrace } from './catalogue-trace';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';

function trace(ids: string[], page: false | 'page' | 'stock-filtered' = false): CatalogueTrace {
  const t = new CatalogueTrace();
  t.sawProducts(ids);
  if (page) t.sawPage(page === 'stock-filtered');
  return t;
}

let version = 0;
const change = (scope: CatalogueChange['scope'], productIds: string[], writtenBy = '100'): CatalogueChange => ({ version: ++version, scope, productIds, changedAt: new Date(Date.UTC(2026, 11, 3, 12, version)), writtenBy });
const reads = (...answers: CatalogueChangesRead[]) => {
  const queue = [...answers];
  return async () => queue.shift() ?? { horizon: '100', changes: [] };
};

/** A cache holding: item A alone, a page of A and B, a stock-filtered page of C. */
async function filled(): Promise<CatalogueCache> {
  const cache = new CatalogueCache(1024 * 1024);
  const generation = await cache.catchUp(reads({ horizon: '100', changes: [] }));
  cache.store('item-a', { a: 1 }, trace([A]), generation);
  cache.store('page-ab', { ab: 1 }, trace([A, B], 'page'), generation);
  cache.store('page-c-in-stock', { c: 1 }, trace([C], 'stock-filtered'), generation);
  return cache;
}
const kept = (cache: CatalogueCache) => ['item-a', 'page-ab', 'page-c-in-stock'].filter((k) => cache.get(k) !== undefined);

describe('CatalogueCache', () => {
  it('answers a stored question from memory', async () => {
    const cache = await filled();
    expect(cache.get('page-ab')?.result).toEqual({ ab: 1 });
    expect(cache.get('unknown')).toBeUndefined();
    expect(cache.counters).toMatchObject({ hits: 1, misses: 1, stored: 3 });
  });

  it('drops on a price change only the answers showing the changed product', async () => {
    const cache = await filled();
    await cache.catchUp(reads({ horizon: '101', changes: [change('PRICE', [B])] }));
    expect(kept(cache)).toEqual(['item-a', 'page-c-in-stock']);
  });

  it('drops on a stock change the answers showing the product and every page filtered by stock', async () => {
    const cache = await filled();
    await cache.catchUp(reads({ horizon: '101', changes: [change('STOCK', [A])] }));
    expect(kept(cache)).toEqual([]);
    const again = await filled();
    await again.catchUp(reads({ horizon: '101', changes: [change('STOCK', [B])] }));
    expect(kept(again)).toEqual(['item-a']);
  });

  it('drops on an item change every page (items may enter or leave) and the answers showing it', async () => {
    const cache = await filled();
    await cache.catchUp(reads({ horizon: '101', changes: [change('PRODUCT', ['00000000-0000-4000-8000-0000000000ff'])] }));
    expect(kept(cache)).toEqual(['item-a']);
    await cache.catchUp(reads({ horizon: '102', changes: [change('EVERYTHING', [])] }));
    expect(cache.size).toBe(0);
  });

  it('does not keep an answer computed while a change set was applied, and applies a change set read twice once', async () => {
    const cache = new CatalogueCache(1024 * 1024);
    const early = await cache.catchUp(reads({ horizon: '100', changes: [] }));
    // Another request applies a change set (written by transaction 150, still above the horizon).
    const price = change('PRICE', [A], '150');
    const late = await cache.catchUp(reads({ horizon: '120', changes: [price] }));
    expect(cache.store('item-a', { old: true }, trace([A]), early)).toBe(false);
    expect(cache.counters.skippedStale).toBe(1);
    expect(cache.store('item-a', { fresh: true }, trace([A]), late)).toBe(true);
    // The same change set read again (its writer is not below the horizon yet): not applied again.
    await cache.catchUp(reads({ horizon: '130', changes: [price] }));
    expect(cache.get('item-a')?.result).toEqual({ fresh: true });
    expect(cache.pricesAsOf).toEqual(price.changedAt);
  });

  it('keeps with an answer the hub texts it used, and stays within its size by dropping the least recently used', async () => {
    const cache = new CatalogueCache(400);
    const generation = await cache.catchUp(reads({ horizon: '1', changes: [] }));
    const texts = trace([A]);
    texts.sawTexts('category');
    expect(cache.store('with-staff-texts', { a: 1 }, texts, generation, { category: 'TOOLS/en/Tools' })).toBe(true);
    // With what it was made of, as the gateway is told it (catalogue-edge-answers.ts).
    expect(cache.get('with-staff-texts')).toEqual({
      result: { a: 1 }, texts: { category: 'TOOLS/en/Tools' }, made: { productIds: [A], list: false, stockSensitive: false, textKinds: ['category'] },
    });
    // Given again while staff's texts are as they were; dropped once they changed.
    expect(await cache.lookup('with-staff-texts', async (kinds) => Object.fromEntries(kinds.map((k) => [k, 'TOOLS/en/Tools'])))).toMatchObject({ answer: { result: { a: 1 } }, textsChanged: false });
    expect(await cache.lookup('with-staff-texts', async (kinds) => Object.fromEntries(kinds.map((k) => [k, 'TOOLS/en/Hand tools'])))).toEqual({ answer: null, textsChanged: true });
    expect(await cache.lookup('with-staff-texts', async () => ({}))).toEqual({ answer: null, textsChanged: false });
    expect(cache.store('with-staff-texts', { a: 1 }, texts, generation, { category: 'TOOLS/en/Tools' })).toBe(true);
    cache.forget('with-staff-texts');
    expect(cache.get('with-staff-texts')).toBeUndefined();
    const big = { text: 'x'.repeat(80) };
    cache.store('one', big, trace([A]), generation);
    cache.store('two', big, trace([B]), generation);
    cache.get('one');
    cache.store('three', big, trace([C]), generation);
    expect(cache.storedBytes).toBeLessThanOrEqual(400);
    expect(['one', 'two', 'three'].filter((k) => cache.get(k) !== undefined)).toEqual(['one', 'three']);
  });

  it('tells when pages may have changed, so page counts are forgotten too', async () => {
    const told: string[] = [];
    const cache = new CatalogueCache(1024, () => told.push('pages'));
    await cache.catchUp(reads({ horizon: '101', changes: [change('PRICE', [A]), change('STOCK', [A]), change('PRODUCT', [B])] }));
    expect(told).toEqual(['pages', 'pages']);
  });
});
