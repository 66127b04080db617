import { buildDemoDataset } from './demo-dataset';

describe('demo dataset', () => {
  it('is the same on every build', () => {
    expect(JSON.stringify(buildDemoDataset())).toBe(JSON.stringify(buildDemoDataset()));
  });

  it('has the realistic shape the spine promises', () => {
    const data = buildDemoDataset();
    expect(data.companies.length).toBeGreaterThanOrEqual(3);
    expect(data.products.length).toBeGreaterThanOrEqual(200);
    expect(new Set(data.products.map((p) => p.sku)).size).toBe(data.products.length);
    expect(new Set(data.users.map((u) => u.email)).size).toBe(data.users.length);
    expect(data.orders.every((o) => o.lines.length > 0)).toBe(true);
    expect(data.invoices.every((i) => data.orders.some((o) => o.id === i.orderId && o.companyId === i.companyId))).toBe(true);
  });

  it('gives order lines the company price and totals that add up', () => {
    const data = buildDemoDataset();
    const special = new Map(data.customerPrices.map((p) => [`${p.companyId}:${p.productId}`, p.price]));
    const list = new Map(data.products.map((p) => [p.id, p.listPrice]));
    for (const order of data.orders) {
      let cents = 0;
      for (const line of order.lines) {
        expect(line.unitPrice).toBe(special.get(`${order.companyId}:${line.productId}`) ?? list.get(line.productId));
        cents += Math.round(Number(line.lineTotal) * 100);
      }
      expect((cents / 100).toFixed(2)).toBe(order.total);
    }
  });
});
