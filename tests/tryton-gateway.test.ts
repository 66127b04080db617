import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { GraphQLClient } from 'graphql-request';
import { dropDatabase, ensureDatabase } from '@hub/database';
import { DEMO_PASSWORD } from '@hub/demo-data';
import { TrytonJsonRpc } from '@hub/integrator';
import { ensureTrytonDatabase, payTrytonInvoice, postTrytonInvoiceForSale, startTrytonServer, TrytonServerHandle } from '@hub/tryton-erp';
import { HubProcess, startHubProcess } from './support/hub-process';
import { eventually } from './support/staff-client';

const PASSWORD = 'tryton-gateway-password-1';
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';

/**
 * A hub of this file's own started against a real Tryton (HUB_ERP=tryton), with a customer login
 * made the way a new customer gets one: registered through the gateway, approved by staff, pushed
 * to Tryton as a party by the outbox. A list price changed in Tryton reaches that customer through
 * the gateway after the next sync; Tryton stopped makes a run fail visibly to staff, and the next
 * run after it is back succeeds. The customer's order, invoiced in Tryton, reaches the customer as
 * an invoice, an open item and the invoice's PDF; paid in Tryton, it shows paid.
 */
describe('the hub on Tryton, through the gateway', () => {
  const serverUrl = process.env.HUB_TEST_SERVER_URL!;
  const database = `hub_trygw_${process.pid}_${randomUUID().slice(0, 8)}`;
  let tryton: TrytonServerHandle;
  let rpc: TrytonJsonRpc;
  let hub: HubProcess;
  let staff: GraphQLClient;
  let customer: GraphQLClient;
  let customerEmail: string;
  // The hub talks to Tryton through this proxy, which can lose the answer to a sale's confirmation
  // after Tryton has done it (the push's outcome then unknown to the hub).
  let proxy: http.Server;
  let loseNextConfirmation = false;
  let lostConfirmations = 0;

  const signIn = async (email: string, password: string): Promise<GraphQLClient> => {
    const { login } = await new GraphQLClient(hub.gatewayUrl).request<{ login: { token: string } }>(LOGIN, { e: email, p: password });
    return new GraphQLClient(hub.gatewayUrl, { headers: { authorization: `Bearer ${login.token}` } });
  };
  const syncNow = async (operation: string): Promise<void> => {
    await runNow(operation, 'SUCCEEDED');
  };
  const runNow = async (operation: string, expected: 'SUCCEEDED' | 'FAILED'): Promise<{ status: string; error: string | null }> => {
    const asked = Date.now() - 50;
    await staff.request('mutation($op: String!) { runSyncNow(operation: $op) { runRequested } }', { op: operation });
    return eventually(async () => {
      const { syncRuns } = await staff.request<{ syncRuns: Array<{ trigger: string; status: string; startedAt: string; error: string | null }> }>(
        'query($op: String!) { syncRuns(operation: $op, first: 10) { trigger status startedAt error } }', { op: operation });
      const run = syncRuns.find((r) => r.trigger === 'MANUAL' && Date.parse(r.startedAt) >= asked && r.status !== 'RUNNING');
      if (run && run.status !== expected) throw new Error(`the ${operation} run ${run.status}: ${run.error}`);
      return run;
    }, 30_000, `a manual ${operation} sync`);
  };

  beforeAll(async () => {
    const db = await ensureTrytonDatabase({ database: `gw_${process.pid}`, reset: true });
    tryton = await startTrytonServer(db);
    rpc = new TrytonJsonRpc({ url: tryton.url, database: tryton.database, user: tryton.user, password: tryton.password });
    const upstream = new URL(tryton.url);
    proxy = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const lose = loseNextConfirmation && body.includes('"model.sale.sale.confirm"');
        if (lose) loseNextConfirmation = false;
        const forward = http.request({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
          const parts: Buffer[] = [];
          answer.on('data', (c: Buffer) => parts.push(c));
          answer.on('end', () => {
            if (lose) {
              lostConfirmations++;
              req.socket.destroy();
              return;
            }
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            res.end(Buffer.concat(parts));
          });
        });
        forward.on('error', () => req.socket.destroy());
        forward.end(body);
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const databaseUrl = await ensureDatabase(serverUrl, database);
    hub = await startHubProcess({
      ...process.env,
      DATABASE_URL: databaseUrl,
      HUB_PORT: '0',
      HUB_SUBGRAPH_BASE_PORT: '0',
      HUB_DEMO_ERP_PORT: '0',
      HUB_SMTP_HOST: '',
      HUB_MODULES: '',
      HUB_SUPERGRAPH: '',
      HUB_ERP: 'tryton',
      HUB_TRYTON_URL: proxyUrl,
      HUB_TRYTON_DATABASE: tryton.database,
      HUB_TRYTON_USER: tryton.user,
      HUB_TRYTON_PASSWORD: tryton.password,
    });
    staff = await signIn('admin@hub.example', DEMO_PASSWORD);

    // A customer login the way registration makes one: registered, approved, created in Tryton by the outbox.
    const email = `buyer-${randomUUID().slice(0, 8)}@tryton-gateway.example`;
    const { register } = await new GraphQLClient(hub.gatewayUrl).request<{ register: { id: string } }>('mutation($i: RegistrationInput!) { register(input: $i) { id } }', {
      i: {
        companyName: `Tryton Gateway Buyer ${randomUUID().slice(0, 8)}`, country: 'EE', currency: 'EUR', contactName: 'Tiina Tamm', email, password: PASSWORD,
        invoiceAddress: { street: 'Narva mnt 5', postalCode: '10117', city: 'Tallinn', country: 'EE' },
      },
    });
    await staff.request('mutation($i: ApproveRegistrationInput!) { approveRegistration(input: $i) { id } }', { i: { registrationId: register.id } });
    await eventually(async () => {
      const { registration } = await staff.request<{ registration: { erpStatus: string; companyId: string | null } }>('query($id: ID!) { registration(id: $id) { erpStatus companyId } }', { id: register.id });
      return registration.erpStatus === 'CREATED' && registration.companyId;
    }, 60_000, 'Tryton to create the registered customer');
    customer = await signIn(email, PASSWORD);
    customerEmail = email;
  }, 240_000);

  afterAll(async () => {
    await hub?.stop();
    await tryton?.stop();
    await new Promise((resolve) => proxy?.close(resolve));
    await dropDatabase(serverUrl, database);
  });

  it('a list price changed in Tryton shows up for the customer after the next prices sync', async () => {
    const PRODUCT = 'query($sku: String!) { product(sku: $sku) { sku price { amount currency } } }';
    const before = await customer.request<{ product: { price: { amount: string; currency: string } } }>(PRODUCT, { sku: 'TR-0004' });
    expect(before.product.price.currency).toBe('EUR');
    expect(Number(before.product.price.amount)).not.toBeCloseTo(88.8, 4);
    const [product] = await rpc.call('model.product.product.search_read', [[['code', '=', 'TR-0004']], 0, 1, null, ['template'], {}]);
    // The list price is company-dependent: written for the seeded company (id 1).
    await rpc.call('model.product.template.write', [[product.template], { list_price: { __class__: 'Decimal', decimal: '88.8000' } }, { company: 1 }], true);
    // A customer without a Tryton price list pays the list price, which the products kind carries
    // (products.product.list_price); the prices kind carries the price rules. Both runs follow the template's write_date.
    await syncNow('prices');
    await syncNow('products');
    let seen: unknown;
    const after = await eventually(async () => {
      const { product: p } = await customer.request<{ product: { price: { amount: string } } }>(PRODUCT, { sku: 'TR-0004' });
      seen = p;
      return Number(p.price.amount) === 88.8 && p;
    }, 15_000, 'the new price through the gateway').catch((error) => {
      throw new Error(`${error.message}; before ${JSON.stringify(before)}, last seen ${JSON.stringify(seen)}; prices runs: ${hub.output().split('\n').filter((l) => /prices/.test(l)).slice(-5).join(' | ')}`);
    });
    expect(after.price).toEqual({ amount: expect.stringMatching(/^88\.8/), currency: 'EUR' });
  });

  it('Tryton stopped: a run fails visibly to staff with the reason; back again, the next run succeeds', async () => {
    await tryton.stop();
    try {
      const failed = await runNow('products', 'FAILED');
      // Refused by Tryton, or cut off by the proxy in front of it: a transient failure, with the reason.
      expect(failed.error).toMatch(/TRANSIENT: tryton ERP .*(ECONNREFUSED|UND_ERR_SOCKET)/);
    } finally {
      await tryton.start();
    }
    await syncNow('products');
  });
  const PLACE = 'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id status } }';
  const salesWithReference = async (reference: string): Promise<Array<{ number: string; state: string }>> =>
    rpc.call('model.sale.sale.search_read', [[['reference', '=', reference]], 0, 10, null, ['number', 'state'], {}]);
  const placeOne = async (): Promise<string> => {
    const { product } = await customer.request<{ product: { id: string } }>('query { product(sku: "TR-0004") { id } }');
    const { placeOrder } = await customer.request<{ placeOrder: { id: string; status: string } }>(PLACE, { i: { idempotencyKey: `tryton-${randomUUID()}`, lines: [{ productId: product.id, quantity: 2 }] } });
    if (placeOrder.status === 'ON_HOLD') {
      // A new customer has no credit limit in Tryton: the credit rule holds its order, and staff release it.
      const { releaseHeldOrder } = await staff.request<{ releaseHeldOrder: { status: string } }>('mutation($id: ID!) { releaseHeldOrder(id: $id, note: "New customer, checked") { status } }', { id: placeOrder.id });
      expect(releaseHeldOrder.status).toBe('PENDING');
    } else {
      expect(placeOrder.status).toBe('PENDING');
    }
    return placeOrder.id;
  };
  const outboxOf = async (orderId: string) =>
    (await staff.request<{ outboxMessages: Array<{ key: string; status: string; attempts: number; lastError: string | null }> }>(
      'query { outboxMessages(first: 500) { key status attempts lastError } }',
    )).outboxMessages.find((m) => m.key === orderId);
  const confirmedNumber = (orderId: string) =>
    eventually(async () => {
      const { order } = await customer.request<{ order: { status: string; erpNumber: string | null } }>('query($id: ID!) { order(id: $id) { status erpNumber } }', { id: orderId });
      return order.erpNumber && order.status !== 'PENDING' ? order.erpNumber : undefined;
    }, 60_000, 'the order confirmed by Tryton');

  it('an order placed through the gateway while Tryton is down waits in the outbox, then reaches Tryton exactly once', async () => {
    await tryton.stop();
    let orderId: string;
    try {
      orderId = await placeOne();
      const waiting = await eventually(async () => {
        const message = await outboxOf(orderId);
        return message && message.attempts >= 1 && message;
      }, 30_000, 'a failed delivery attempt');
      expect(waiting.status).toBe('PENDING');
      expect(waiting.lastError).toMatch(/TRANSIENT|ECONNREFUSED/);
    } finally {
      await tryton.start();
    }
    const erpNumber = await confirmedNumber(orderId!);
    const sales = await salesWithReference(orderId!);
    expect(sales.map((sale) => sale.number)).toEqual([erpNumber]);
    // The orders sync may read the sale back before the delivering attempt has recorded its receipt.
    await eventually(async () => (await outboxOf(orderId!))?.status === 'DELIVERED', 60_000, 'the outbox message delivered');
  });

  it('an order whose confirmation answer is lost on the way back is pushed again and still appears once in Tryton', async () => {
    loseNextConfirmation = true;
    const lostBefore = lostConfirmations;
    const orderId = await placeOne();
    const erpNumber = await confirmedNumber(orderId);
    const message = await eventually(async () => {
      const m = await outboxOf(orderId);
      return m?.status === 'DELIVERED' && m;
    }, 90_000, 'the outbox message delivered after the lost answer');
    expect(lostConfirmations).toBe(lostBefore + 1);
    // The adapter looked the sale up by its key after the lost answer (in the same attempt or the next): one sale.
    expect(message.status).toBe('DELIVERED');
    const sales = await salesWithReference(orderId);
    expect(sales).toEqual([expect.objectContaining({ number: erpNumber })]);
  });

  it("the customer's order invoiced in Tryton comes through the gateway as an invoice, an open item and its PDF; paid in Tryton, it shows paid", async () => {
    const orderId = await placeOne();
    const erpNumber = await confirmedNumber(orderId);
    const number = await postTrytonInvoiceForSale(rpc, erpNumber);
    const [posted] = await rpc.call('model.account.invoice.search_read', [[['number', '=', number]], 0, 1, null, ['total_amount'], { company: 1 }]);
    const total = Number(posted.total_amount).toFixed(2);
    await syncNow('invoices');
    await syncNow('openItems');

    type Invoice = { id: string; number: string; status: string; total: { amount: string; currency: string }; order: { id: string } | null; pdfUrl: string | null };
    const INVOICES = '{ invoices(first: 20) { id number status total { amount currency } order { id } pdfUrl } }';
    const { invoices } = await customer.request<{ invoices: Invoice[] }>(INVOICES);
    expect(invoices.map((i) => i.number)).toEqual([number]);
    const [invoice] = invoices;
    expect(invoice).toMatchObject({ status: 'OPEN', order: { id: orderId } });
    expect({ amount: Number(invoice.total.amount).toFixed(2), currency: invoice.total.currency }).toEqual({ amount: total, currency: 'EUR' });

    const OPEN_ITEMS = '{ openItems { items { documentNumber documentType dueDate daysOverdue openAmount { amount currency } invoice { number } } totals { currency due { amount } overdue { amount } } } }';
    type OpenItems = { openItems: { items: Array<{ documentNumber: string; documentType: string; dueDate: string; daysOverdue: number; openAmount: { amount: string }; invoice: { number: string } | null }>; totals: Array<{ currency: string; due: { amount: string }; overdue: { amount: string } }> } };
    const { openItems } = await customer.request<OpenItems>(OPEN_ITEMS);
    expect(openItems.items).toEqual([{ documentNumber: number, documentType: 'INVOICE', dueDate: expect.stringMatching(/^\d{4}-\d\d-\d\d/), daysOverdue: 0, openAmount: { amount: expect.any(String), currency: 'EUR' }, invoice: { number } }]);
    expect(Number(openItems.items[0].openAmount.amount).toFixed(2)).toBe(total);
    expect(openItems.totals.map((t) => ({ currency: t.currency, due: Number(t.due.amount).toFixed(2), overdue: Number(t.overdue.amount) }))).toEqual([{ currency: 'EUR', due: total, overdue: 0 }]);

    // The PDF the hub keeps of it: Tryton's report is an ODT without LibreOffice, so the hub printed the posted invoice.
    const { login } = await new GraphQLClient(hub.gatewayUrl).request<{ login: { token: string } }>(LOGIN, { e: customerEmail, p: PASSWORD });
    const response = await fetch(invoice.pdfUrl!, { headers: { authorization: `Bearer ${login.token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: Buffer.from(await response.arrayBuffer()) }).toString('utf8');
    expect(text).toContain(number);
    expect(text).toContain(erpNumber);
    expect(text).toMatch(new RegExp(`Total due\\s+${total.replace('.', '\\.')} EUR`));

    await payTrytonInvoice(rpc, number);
    await syncNow('invoices');
    await syncNow('openItems');
    const after = await customer.request<{ invoices: Invoice[] }>(INVOICES);
    expect(after.invoices.map((i) => [i.number, i.status])).toEqual([[number, 'PAID']]);
    const itemsAfter = await customer.request<OpenItems>(OPEN_ITEMS);
    expect(itemsAfter.openItems.items).toEqual([]);
  });
});
