import { GraphQLClient } from 'graphql-request';
import { demo, demoUser, gatewayUrl, tokenFor } from './support/hub-client';

/**
 * Product texts per language (C9) through the gateway, on the small demo ERP: its hex bolts, wood
 * screws, anchors, drills, gloves and sealants carry Swedish, Spanish and Polish names and
 * descriptions; the other families have English texts only.
 */
describe('product names and descriptions in the caller language', () => {
  // Anonymous callers see the public web assortment: the demo ERP keeps six items for signed-in customers (small-data.ts).
  const restricted = new Set([11, 47, 95, 23, 71, 131].map((i) => demo.products[i].sku));
  const publicProducts = demo.products.filter((p) => !restricted.has(p.sku));
  const woodScrews = publicProducts.filter((p) => p.sku.startsWith('WS-'));
  const hexBolts = publicProducts.filter((p) => p.sku.startsWith('HB-'));
  const screw = woodScrews[0];
  const battery = publicProducts.find((p) => p.sku.startsWith('BT-'))!; // a family without translations

  const caller = async (options: { acceptLanguage?: string; email?: string }) => {
    const headers: Record<string, string> = {};
    if (options.acceptLanguage !== undefined) headers['accept-language'] = options.acceptLanguage;
    if (options.email) headers.authorization = `Bearer ${await tokenFor(options.email)}`;
    return new GraphQLClient(gatewayUrl(), { headers });
  };
  const PRODUCT = 'query($sku: String!) { product(sku: $sku) { sku name description textLanguage } }';
  const productAs = async (sku: string, options: { acceptLanguage?: string; email?: string }) => (await (await caller(options)).request<any>(PRODUCT, { sku })).product;
  const SEARCH = 'query($s: String!) { products(search: $s, first: 100) { totalCount edges { node { sku name textLanguage } } } }';
  const searchAs = async (s: string, acceptLanguage?: string) => (await (await caller({ acceptLanguage })).request<any>(SEARCH, { s })).products;

  it('an anonymous caller reads the texts of its Accept-Language, forwarded by the gateway', async () => {
    expect(woodScrews.length).toBeGreaterThan(1);
    const sv = await productAs(screw.sku, { acceptLanguage: 'sv-SE,sv;q=0.9,en;q=0.5' });
    expect(sv.name).toMatch(/^Träskruv .+ försänkt$/);
    expect(sv.description).toMatch(/Spånskivsskruv/);
    expect(sv.textLanguage).toBe('sv');
    const es = await productAs(screw.sku, { acceptLanguage: 'es' });
    expect(es.name).toMatch(/^Tornillo para madera /);
    expect(es.description).toMatch(/aglomerado/);
    expect(es.textLanguage).toBe('es');
    const pl = await productAs(screw.sku, { acceptLanguage: 'pl-PL' });
    expect(pl.name).toMatch(/^Wkręt do drewna /);
    expect(pl.textLanguage).toBe('pl');
    // A professional-line item keeps the ERP's line label and gets the line's sentence in the language.
    const pro = woodScrews.find((p) => p.sku.startsWith('WS-P'))!;
    const proSv = await productAs(pro.sku, { acceptLanguage: 'sv' });
    expect(proSv.name).toMatch(/^PRO Träskruv /);
    expect(proSv.description).toMatch(/Proffskvalitet med förlängd garanti\.$/);
    // The variant from the ERP's name is kept in each language.
    const variant = /^Wood screw (.+) countersunk$/.exec(screw.name)![1];
    for (const p of [sv, es, pl]) expect(p.name).toContain(variant);
  });

  it('falls back: no header, an unknown or malformed language, or a product without that language gives the base text', async () => {
    for (const acceptLanguage of [undefined, 'fr-FR', 'xx-invalid;;q=abc, *', 'sv;q=0']) {
      const p = await productAs(screw.sku, { acceptLanguage });
      expect(p).toEqual({ sku: screw.sku, name: screw.name, description: screw.description, textLanguage: 'en' });
    }
    // The next language the caller accepts is used when the first is missing.
    expect((await productAs(screw.sku, { acceptLanguage: 'fr;q=0.9, pl;q=0.8, sv;q=0.7' })).textLanguage).toBe('pl');
    // A family the ERP did not translate shows English even to a Swedish reader.
    expect(await productAs(battery.sku, { acceptLanguage: 'sv' })).toEqual({ sku: battery.sku, name: battery.name, description: battery.description, textLanguage: 'en' });
  });

  it('a signed-in user reads the company default language (from its ERP country) before Accept-Language', async () => {
    const swedish = demoUser(0, 'buyer'); // Nordic Tools AB, SE
    const polish = demoUser(1, 'buyer'); // Kowalski Hurtownia, PL
    const spanish = demoUser(2, 'buyer'); // Ferretería García, ES
    const estonian = demoUser(3, 'buyer'); // Baltic Build OÜ, EE: no Estonian texts
    expect((await productAs(screw.sku, { email: swedish.email })).textLanguage).toBe('sv');
    expect((await productAs(screw.sku, { email: swedish.email, acceptLanguage: 'es' })).textLanguage).toBe('sv');
    expect((await productAs(screw.sku, { email: polish.email })).name).toMatch(/^Wkręt do drewna /);
    expect((await productAs(screw.sku, { email: spanish.email })).name).toMatch(/^Tornillo para madera /);
    expect((await productAs(screw.sku, { email: estonian.email })).textLanguage).toBe('en');
    expect((await productAs(screw.sku, { email: estonian.email, acceptLanguage: 'es' })).textLanguage).toBe('es');
  });

  const skus = (page: any): string[] => page.edges.map((e: any) => e.node.sku).sort();

  it('catalogue search finds "skruv", "tornillo" and "wkręt" in the Swedish, Spanish and Polish demo data', async () => {
    // skruv: Träskruv (wood screws) and Sexkantskruv (hex bolts).
    const skruv = await searchAs('skruv', 'sv');
    expect(skus(skruv)).toEqual([...hexBolts, ...woodScrews].map((p) => p.sku).sort());
    expect(skruv.edges.every((e: any) => /skruv/i.test(e.node.name) && e.node.textLanguage === 'sv')).toBe(true);
    // tornillo: tornillo para madera and tornillo hexagonal.
    const tornillo = await searchAs('tornillo', 'es');
    expect(skus(tornillo)).toEqual([...hexBolts, ...woodScrews].map((p) => p.sku).sort());
    expect(tornillo.edges.every((e: any) => /tornillo/i.test(e.node.name))).toBe(true);
    // wkręt: the wood screws only; accents folded as everywhere in search.
    const wkret = await searchAs('wkręt', 'pl');
    expect(skus(wkret)).toEqual(woodScrews.map((p) => p.sku).sort());
    expect(wkret.edges.every((e: any) => /Wkręt do drewna/.test(e.node.name))).toBe(true);
    expect((await searchAs('WKRET')).totalCount).toBe(woodScrews.length);
    // Whatever the reading language, a translated word finds the item (shown in the reader's language).
    const skruvInEnglish = await searchAs('skruv');
    expect(skruvInEnglish.totalCount).toBe(skruv.totalCount);
    expect(skruvInEnglish.edges.every((e: any) => e.node.textLanguage === 'en')).toBe(true);
    // And several words across a translated name: "tornillo madera".
    expect(skus(await searchAs('tornillo madera', 'es'))).toEqual(woodScrews.map((p) => p.sku).sort());
  });
});
