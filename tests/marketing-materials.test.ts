import { randomUUID } from 'node:crypto';
import { as, demoUser, failure, tokenFor } from './support/hub-client';

const FIELDS = 'id kind title fileName contentType size sha256 customerGroups validFrom validUntil withdrawnAt downloadUrl';
const PUBLISH = `mutation($i: PublishMarketingMaterialInput!) { publishMarketingMaterial(input: $i) { ${FIELDS} } }`;
const LIST = `query($all: Boolean) { marketingMaterials(all: $all) { ${FIELDS} } }`;
const ONE = `query($id: ID!) { marketingMaterial(id: $id) { ${FIELDS} } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawMarketingMaterial(id: $id) { id withdrawnAt } }`;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const tag = randomUUID().slice(0, 8);
const pdf = Buffer.from(`%PDF-1.4\n% wholesale brochure ${tag}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`);
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`retail image ${tag}`)]);
const csv = Buffer.from(`sku;price\nDRILL-1;10.00\n${tag}\n`);

// Demo companies: the first is WHOLESALE in the demo ERP, the second RETAIL.
const wholesaleUser = demoUser(0, 'read-only');
const retailUser = demoUser(1, 'read-only');

async function download(url: string, email: string): Promise<{ status: number; body: Buffer; type: string | null }> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${await tokenFor(email)}` } });
  return { status: response.status, body: Buffer.from(await response.arrayBuffer()), type: response.headers.get('content-type') };
}

describe('marketing materials (P8): published to all customers or chosen groups, for a period', () => {
  const published: Record<string, any> = {};

  beforeAll(async () => {
    const staff = await as('marketing@hub.example');
    const publish = async (name: string, input: Record<string, unknown>) => {
      published[name] = (await staff.request<any>(PUBLISH, { i: { title: `${name} ${tag}`, ...input } })).publishMarketingMaterial;
    };
    await publish('wholesale', { kind: 'BROCHURE', fileName: 'wholesale.pdf', contentType: 'application/pdf', contentBase64: pdf.toString('base64'), customerGroups: ['wholesale'], validFrom: day(-1), validUntil: day(30) });
    await publish('retail', { kind: 'IMAGE', fileName: 'retail.png', contentType: 'image/png', contentBase64: png.toString('base64'), customerGroups: ['RETAIL'] });
    await publish('everyone', { kind: 'PRICE_SHEET', fileName: 'prices.csv', contentType: 'text/csv', contentBase64: csv.toString('base64') });
    await publish('expired', { kind: 'BROCHURE', fileName: 'old.pdf', contentType: 'application/pdf', contentBase64: pdf.toString('base64'), validFrom: day(-10), validUntil: day(-1) });
    await publish('future', { kind: 'BROCHURE', fileName: 'next.pdf', contentType: 'application/pdf', contentBase64: pdf.toString('base64'), validFrom: day(2) });
  });

  const titles = async (email: string) => ((await (await as(email)).request<any>(LIST)).marketingMaterials as any[]).map((m) => m.title).filter((t: string) => t.endsWith(tag)).sort();

  it('publishes with the groups normalised, the dates and the checksum', () => {
    expect(published.wholesale).toMatchObject({ kind: 'BROCHURE', customerGroups: ['WHOLESALE'], validFrom: day(-1), validUntil: day(30), size: pdf.length, withdrawnAt: null });
    expect(published.wholesale.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(published.everyone).toMatchObject({ customerGroups: [], validFrom: day(0), validUntil: null, contentType: 'text/csv' });
  });

  it("shows each customer only what is for its group or everyone, and valid today", async () => {
    expect(await titles(wholesaleUser.email)).toEqual([`everyone ${tag}`, `wholesale ${tag}`]);
    expect(await titles(retailUser.email)).toEqual([`everyone ${tag}`, `retail ${tag}`]);
    // Staff see the current ones, and with `all` the expired and future ones too.
    expect(await titles('marketing@hub.example')).toEqual([`everyone ${tag}`, `retail ${tag}`, `wholesale ${tag}`]);
    const all = ((await (await as('marketing@hub.example')).request<any>(LIST, { all: true })).marketingMaterials as any[]).filter((m) => m.title.endsWith(tag));
    expect(all).toHaveLength(5);
  });

  it('downloads by signed link the bytes uploaded; another group, an expired or future one, and another user’s link get nothing', async () => {
    const wholesale = await as(wholesaleUser.email);
    const mine = (await wholesale.request<any>(ONE, { id: published.wholesale.id })).marketingMaterial;
    const file = await download(mine.downloadUrl, wholesaleUser.email);
    expect(file.status).toBe(200);
    expect(file.type).toBe('application/pdf');
    expect(file.body.equals(pdf)).toBe(true);
    const shared = await download((await wholesale.request<any>(ONE, { id: published.everyone.id })).marketingMaterial.downloadUrl, wholesaleUser.email);
    expect(shared.body.equals(csv)).toBe(true);

    for (const name of ['retail', 'expired', 'future']) {
      expect((await failure(wholesale.request(ONE, { id: published[name].id }))).codes).toEqual(['NOT_FOUND']);
    }
    // The retail company's own link is useless to the wholesale user.
    const retailLink = (await (await as(retailUser.email)).request<any>(ONE, { id: published.retail.id })).marketingMaterial.downloadUrl;
    expect((await download(retailLink, retailUser.email)).body.equals(png)).toBe(true);
    expect((await download(retailLink, wholesaleUser.email)).status).toBe(403);
    // A link staff made for an expired material does not open it for a customer either (links are per user), and staff's own works.
    const expiredLink = (await (await as('marketing@hub.example')).request<any>(ONE, { id: published.expired.id })).marketingMaterial.downloadUrl;
    expect((await download(expiredLink, 'marketing@hub.example')).body.equals(pdf)).toBe(true);
    expect((await download(expiredLink, wholesaleUser.email)).status).toBe(403);
  });

  it('a withdrawn material disappears from the list, and a link issued before stops working', async () => {
    const staff = await as('marketing@hub.example');
    const { marketingMaterial } = await (await as(wholesaleUser.email)).request<any>(ONE, { id: published.wholesale.id });
    const withdrawn = (await staff.request<any>(WITHDRAW, { id: published.wholesale.id })).withdrawMarketingMaterial;
    expect(withdrawn.withdrawnAt).toEqual(expect.any(String));
    expect(await titles(wholesaleUser.email)).toEqual([`everyone ${tag}`]);
    expect((await download(marketingMaterial.downloadUrl, wholesaleUser.email)).status).toBe(404);
    expect((await failure(staff.request(WITHDRAW, { id: published.wholesale.id }))).codes).toEqual(['CONFLICT']);
  });

  it('refuses anyone but marketing staff to publish, and bad files, dates and groups, publishing nothing', async () => {
    const good = { kind: 'BROCHURE', title: `refused ${tag}`, fileName: 'a.pdf', contentType: 'application/pdf', contentBase64: pdf.toString('base64') };
    expect((await failure((await as('orders@hub.example')).request(PUBLISH, { i: good }))).codes).toEqual(['FORBIDDEN']);
    expect((await failure((await as(demoUser(0, 'customer admin').email)).request(PUBLISH, { i: good }))).codes).toEqual(['FORBIDDEN']);
    expect((await failure((await as('orders@hub.example')).request(LIST))).codes).toEqual(['FORBIDDEN']);
    const staff = await as('marketing@hub.example');
    const bad = async (i: Record<string, unknown>) => failure(staff.request(PUBLISH, { i: { ...good, ...i } }));
    expect(await bad({ contentType: 'application/x-msdownload' })).toMatchObject({ codes: ['BAD_USER_INPUT'], fields: ['contentType'] });
    expect(await bad({ contentBase64: Buffer.from('MZ executable').toString('base64') })).toMatchObject({ codes: ['BAD_USER_INPUT'], fields: ['contentBase64'] });
    expect(await bad({ contentBase64: 'not base64!' })).toMatchObject({ codes: ['BAD_USER_INPUT'], fields: ['contentBase64'] });
    expect(await bad({ validFrom: day(3), validUntil: day(1) })).toMatchObject({ codes: ['BAD_USER_INPUT'], fields: ['validUntil'] });
    expect(await bad({ validFrom: '2026-02-30' })).toMatchObject({ codes: ['BAD_USER_INPUT'], fields: ['validFrom'] });
    expect(await bad({ customerGroups: ['two words'] })).toMatchObject({ codes: ['BAD_USER_INPUT'], fields: ['customerGroups'] });
    expect(await bad({ title: ' ' })).toMatchObject({ codes: ['BAD_USER_INPUT'], fields: ['title'] });
    expect((await failure(staff.request(ONE, { id: randomUUID() }))).codes).toEqual(['NOT_FOUND']);
    const all = ((await staff.request<any>(LIST, { all: true })).marketingMaterials as any[]).filter((m) => m.title === `refused ${tag}`);
    expect(all).toEqual([]);
  });
});
