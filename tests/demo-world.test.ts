import { Client } from 'pg';
import { demoReferenceDate } from '@hub/demo-data';
import { client, demo } from './support/hub-client';

const DAY = 86_400_000;
const today = () => demoReferenceDate().toISOString().slice(0, 10);

/**
 * The demo world is set on the day the hub starts (HUB_DEMO_DATE, which the tests pin to the day the
 * run started): running promotions are running today, orders are recent, due dates fall around today.
 */
describe('the demo world is set on the demo day', () => {
  let db: Client;

  beforeAll(async () => {
    db = new Client({ connectionString: process.env.HUB_TEST_DATABASE_URL });
    await db.connect();
  });

  afterAll(async () => {
    await db.end();
  });

  it('has promotions running today, and the public shop is charged the promotion price', async () => {
    const { rows } = await db.query<{ sku: string; price: string; valid_from: string; valid_to: string }>(
      'select sku, price::text, valid_from::text, valid_to::text from products.price_rule where promotion order by valid_from',
    );
    expect(rows).toHaveLength(4);
    const running = rows.filter((r) => r.valid_from <= today() && today() <= r.valid_to);
    // Three started in the past weeks and are running; one starts next week.
    expect(running).toHaveLength(3);
    expect(rows.filter((r) => r.valid_from > today())).toHaveLength(1);
    for (const promo of running) {
      const { product } = await client().request<{ product: { priceDetail: { source: string; unitPrice: { amount: string } } } }>(
        'query($sku: String!) { product(sku: $sku) { priceDetail { source unitPrice { amount } } } }',
        { sku: promo.sku },
      );
      expect(product.priceDetail).toEqual({ source: 'PROMOTION', unitPrice: { amount: Number(promo.price).toFixed(2) } });
    }
  });

  it('has recent orders and invoices due around today, none in the future', () => {
    const reference = demoReferenceDate().getTime();
    expect(Math.abs(reference - Date.now())).toBeLessThan(2 * DAY);
    const placed = demo.orders.map((o) => o.placedAt.getTime());
    expect(Math.max(...placed)).toBeLessThanOrEqual(reference);
    expect(Math.max(...placed)).toBeGreaterThan(reference - 14 * DAY);
    const open = demo.invoices.filter((i) => i.status === 'OPEN').map((i) => i.dueAt.getTime());
    expect(open.length).toBeGreaterThan(0);
    // Open invoices fall due from a few months back up to about a month ahead: some overdue, some not yet.
    expect(open.some((due) => due > reference)).toBe(true);
    expect(open.some((due) => due < reference)).toBe(true);
    expect(Math.max(...open)).toBeLessThan(reference + 45 * DAY);
  });
});
