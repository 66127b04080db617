import http from 'node:http';
import { AddressInfo } from 'node:net';
import { Viewer } from '@hub/auth';
import { PricingResult } from './order-pricing.client';
import { OrderPricingService } from './order-pricing.service';
import { pricingReuseMs, RecentPricings } from './recent-pricings';

const answer = (tag: string): PricingResult => ({ company: null, lines: [], statuses: [tag as any] });

describe('RecentPricings', () => {
  let now = 0;
  let listening = true;
  const recent = () => new RecentPricings(10_000, () => listening, () => now);
  beforeEach(() => {
    now = 1_000;
    listening = true;
  });

  it('gives an answer back within its generation and age, never after a catalogue change or once too old', () => {
    const r = recent();
    r.set('k', answer('a'), r.current());
    expect(r.get('k')).toEqual(answer('a'));
    now += 10_001;
    expect(r.get('k')).toBeUndefined();
    r.set('k', answer('b'), r.current());
    r.invalidate();
    expect(r.get('k')).toBeUndefined();
  });

  it('does not keep an answer from a request that began before a catalogue change', () => {
    const r = recent();
    const began = r.current();
    r.invalidate();
    r.set('k', answer('a'), began);
    expect(r.get('k')).toBeUndefined();
  });

  it('reuses nothing while catalogue changes are not heard, nor what was heard before', () => {
    const r = recent();
    r.set('k', answer('a'), r.current());
    listening = false;
    expect(r.get('k')).toBeUndefined();
    r.set('k', answer('b'), r.current());
    listening = true;
    expect(r.get('k')).toBeUndefined();
  });

  it('keeps nothing when reuse is off (0 seconds), and reads its setting strictly', () => {
    const r = new RecentPricings(0, () => true);
    r.set('k', answer('a'), r.current());
    expect(r.get('k')).toBeUndefined();
    expect(pricingReuseMs({})).toBe(10_000);
    expect(pricingReuseMs({ HUB_PRICING_REUSE_SECONDS: '0' })).toBe(0);
    expect(() => pricingReuseMs({ HUB_PRICING_REUSE_SECONDS: '1.5' })).toThrow(/whole number/);
  });
});

describe('OrderPricingService across requests', () => {
  let server: http.Server;
  let url: string;
  const asked: string[] = [];
  const viewer = { userId: 'u1', kind: 'CUSTOMER', companyId: 'c1', supplierId: null, permissions: ['orders.place'] } as unknown as Viewer;
  const lines = [{ sku: 'A-1', quantity: 2 }];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const { query, variables } = JSON.parse(body);
        asked.push(`${req.headers.authorization} ${query.includes('company(') ? 'with company' : 'lines'}`);
        const line = { status: 'AVAILABLE', product: { id: 'p1', sku: 'A-1', name: 'A', unit: 'pcs', minOrderQuantity: '1' }, unitPrice: { amount: '9.50', currency: 'EUR' } };
        const data = { orderableProducts: variables.lines.map(() => line), company: { erpNumber: 'C1', deliveryAddresses: [], branches: [] } };
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ data }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => asked.splice(0));

  it("asks the gateway once for the same caller's same lines in two requests, again after a catalogue change, and always for another caller or the company", async () => {
    const recent = new RecentPricings(10_000, () => true);
    const request = (bearer: string) => new OrderPricingService(() => url, viewer, bearer, recent);
    const first = await request('t1').price(lines);
    expect((await request('t1').price(lines)).lines[0]?.unitPrice?.toFixed(2)).toBe(first.lines[0]!.unitPrice!.toFixed(2));
    expect(asked).toEqual(['Bearer t1 lines']);
    await request('t2').price(lines);
    await request('t1').price([{ sku: 'A-1', quantity: 3 }]);
    await request('t1').price([], true);
    await request('t1').price([], true);
    expect(asked).toEqual(['Bearer t1 lines', 'Bearer t2 lines', 'Bearer t1 lines', 'Bearer t1 with company', 'Bearer t1 with company']);
    recent.invalidate();
    await request('t1').price(lines);
    expect(asked).toHaveLength(6);
  });

  it('a request that began before a catalogue change leaves nothing for the next one', async () => {
    const recent = new RecentPricings(10_000, () => true);
    const early = new OrderPricingService(() => url, viewer, 't1', recent);
    recent.invalidate();
    await early.price(lines);
    await new OrderPricingService(() => url, viewer, 't1', recent).price(lines);
    expect(asked).toEqual(['Bearer t1 lines', 'Bearer t1 lines']);
  });
});
