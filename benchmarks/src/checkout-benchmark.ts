/**
 * `npm run bench:checkout`: guest checkouts in the public shop with payment, as deployed.
 * 1. start the demo ERP (small scale, its own process);
 * 2. start the hub (`node launcher/dist/main.js`) on a scratch database with the demo data, pointed
 *    at that ERP and synchronised from it once, in production mode with fresh secrets, one process
 *    per subgraph, the integrator worker delivering orders to the ERP; the launcher starts the demo
 *    payment provider (its own process) and points its webhooks at the finance subgraph;
 * 3. BENCH_CLIENTS (default 8) anonymous visitors loop: start a basket (addToGuestBasket), add a
 *    second line, and check out as a guest with a card that the provider authorises (manual capture),
 *    each through the gateway; the flow is the three requests;
 * 4. wait for the outbox to deliver every order to the ERP, and check that the ERP got each once and
 *    that the provider holds one authorisation per order.
 * Prints checkouts/s and latency percentiles of the flow and of the checkout; the last line is one JSON object.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Pool } from 'pg';
import { DemoErpAdminClient } from '@hub/demo-erp';
import { dropDatabase, ensureDatabase } from '@hub/database';
import { startDemoErpProcess } from '@hub/launcher/dist/demo-erp-process';
import { startEmbeddedPostgres } from '@hub/launcher/dist/embedded-postgres';
import { BenchHub, startProductionHub, stopHub } from './bench-hub-process';
import { BenchHttpClient } from './bench-http';
import { startSmtpSink } from './bench-smtp-sink';
import { latencySummary, percentile } from './bench-stats';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const WARMUP_SECONDS = 3;

const client = new BenchHttpClient(CLIENTS * 2);
const graphql = client.graphql.bind(client);

const PRODUCTS = 'query Shop { products(first: 60) { edges { node { id minOrderQuantity price { amount currency } } } } }';
const ADD = 'mutation Add($t: String, $p: ID!, $q: Int!) { addToGuestBasket(basketToken: $t, productId: $p, quantity: $q) { token total { amount } } }';
const CHECKOUT = 'mutation Checkout($t: String!, $i: GuestCheckoutInput!) { checkoutGuestBasket(basketToken: $t, input: $i) { id status paymentStatus total { amount currency } } }';
const CARD = { number: '4242424242424242', expMonth: 12, expYear: new Date().getUTCFullYear() + 2, cvc: '123' };

interface RunResult {
  checkouts: number;
  seconds: number;
  perSec: number;
  flow: number[];
  checkout: number[];
  errors: number;
  orderIds: string[];
}

async function run(gatewayUrl: string, productIds: string[], seconds: number): Promise<RunResult> {
  const result: RunResult = { checkouts: 0, seconds: 0, perSec: 0, flow: [], checkout: [], errors: 0, orderIds: [] };
  const started = process.hrtime.bigint();
  const deadline = Date.now() + seconds * 1000;
  const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      for (let n = 0; Date.now() < deadline; n++) {
        const t0 = process.hrtime.bigint();
        const first = await graphql<{ addToGuestBasket: { token: string } }>(gatewayUrl, ADD, { t: null, p: productIds[(c * 5 + n) % productIds.length], q: 1 + (n % 3) });
        const token = first.data?.addToGuestBasket?.token;
        const second = token ? await graphql<{ addToGuestBasket: { token: string } }>(gatewayUrl, ADD, { t: token, p: productIds[(c * 5 + n + 7) % productIds.length], q: 1 }) : null;
        const t1 = process.hrtime.bigint();
        const done = token && !second?.errors
          ? await graphql<{ checkoutGuestBasket: { id: string; status: string; paymentStatus: string } }>(gatewayUrl, CHECKOUT, {
              t: token,
              i: { name: `Bench Guest ${c}`, email: `guest-${c}-${n}@bench.example`, deliveryMethod: 'DELIVERY', address: { street: 'Benchgatan 1', postalCode: '11122', city: 'Stockholm', country: 'SE' }, card: CARD },
            })
          : null;
        const checkoutMs = ms(t1);
        const order = done?.data?.checkoutGuestBasket;
        if (!order || done?.errors || order.status !== 'PENDING' || order.paymentStatus !== 'AUTHORIZED') {
          if (result.errors === 0) console.error(`  first error: ${JSON.stringify(first).slice(0, 300)} ${JSON.stringify(second).slice(0, 300)} ${JSON.stringify(done).slice(0, 300)}`);
          result.errors++;
          continue;
        }
        result.checkout.push(checkoutMs);
        result.flow.push(ms(t0));
        result.orderIds.push(order.id);
      }
    }),
  );
  result.seconds = Number(process.hrtime.bigint() - started) / 1e9;
  result.checkouts = result.flow.length;
  result.perSec = result.checkouts / result.seconds;
  result.flow.sort((a, b) => a - b);
  result.checkout.sort((a, b) => a - b);
  return result;
}

async function main(): Promise<void> {
  // Production mode refuses the development secrets: the hub gets fresh ones.
  process.env.HUB_TOKEN_SECRET ??= randomBytes(32).toString('hex');
  process.env.HUB_GATEWAY_SECRET ??= randomBytes(32).toString('hex');
  process.env.HUB_PAYMENTS_WEBHOOK_SECRET ??= `whsec_${randomBytes(16).toString('hex')}`;
  const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: join(process.cwd(), '.hub-data', 'bench-postgres'), port: 54339 });
  const serverUrl = process.env.DATABASE_URL ?? embedded!.serverUrl;
  const database = `hub_checkoutbench_${process.pid}`;
  const databaseUrl = await ensureDatabase(serverUrl, database);
  const erp = await startDemoErpProcess({ scale: 'small', port: 0, apiKey: 'bench-key', adminKey: 'bench-admin-key' });
  const erpAdmin = new DemoErpAdminClient(erp.url, 'bench-admin-key');
  const smtp = await startSmtpSink();
  let hub: BenchHub | null = null;
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  try {
    hub = await startProductionHub({
      HUB_SMTP_HOST: '127.0.0.1',
      HUB_SMTP_PORT: String(smtp.port),
      DATABASE_URL: databaseUrl,
      HUB_ERP_URL: erp.url,
      HUB_ERP_API_KEY: 'bench-key',
      HUB_DEMO_DATA: 'true',
      HUB_SYNC_ON_START: 'true',
      HUB_INTEGRATOR_WORKER: 'true',
      HUB_DISPATCHER_TICK_MS: process.env.HUB_DISPATCHER_TICK_MS ?? '100',
      HUB_PAYMENTS_URL: '',
      HUB_DEMO_PAYMENTS_PORT: '0',
      HUB_DEMO_PAYMENTS_ADMIN_KEY: 'bench-payments-admin-key',
    });
    const paymentsUrl = /Payments: (\S+)/.exec(hub.output)![1];
    console.log(`hub at ${hub.gatewayUrl} (production mode, one process per subgraph), demo ERP at ${erp.url}, demo payment provider at ${paymentsUrl}`);
    const { data } = await graphql<{ products: { edges: Array<{ node: { id: string; minOrderQuantity: string; price: { amount: string } | null } }> } }>(hub.gatewayUrl, PRODUCTS, {});
    const productIds = data.products.edges.map((e) => e.node).filter((p) => p.price && p.minOrderQuantity === '1').map((p) => p.id);
    console.log(`${CLIENTS} anonymous visitors; each checkout: a new basket of 2 lines (of ${productIds.length} public products), then a guest checkout with a card authorised by the provider`);

    console.log(`warm-up ${WARMUP_SECONDS} s, then ${SECONDS} s ...`);
    const warm = await run(hub.gatewayUrl, productIds, WARMUP_SECONDS);
    const result = await run(hub.gatewayUrl, productIds, SECONDS);
    console.log(`  ${result.checkouts} guest checkouts in ${result.seconds.toFixed(1)} s = ${result.perSec.toFixed(1)} checkouts/s; errors ${result.errors}`);
    console.log(`  whole flow (2 basket adds + checkout) ${latencySummary(result.flow)}`);
    console.log(`  checkoutGuestBasket (with authorisation) ${latencySummary(result.checkout)}`);

    const placed = [...warm.orderIds, ...result.orderIds];
    const deliveryStarted = Date.now();
    let delivered = 0;
    for (;;) {
      delivered = (await pool.query<{ n: number }>("select count(*)::int as n from orders.outbox_message where status = 'DELIVERED' and key = any($1)", [placed])).rows[0].n;
      if (delivered === placed.length || Date.now() - deliveryStarted > 120_000) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const accepted = (await erpAdmin.stats()).acceptedOrdersByKey;
    const once = placed.filter((id) => accepted[id] === 1).length;
    const intents = (await (await fetch(`${paymentsUrl}/admin/payment_intents`, { headers: { authorization: 'Bearer bench-payments-admin-key' } })).json()) as Array<{ status: string; metadata: { orderId?: string } }>;
    const placedSet = new Set(placed);
    const authorised = intents.filter((i) => i.metadata.orderId && placedSet.has(i.metadata.orderId) && i.status === 'requires_capture').length;
    console.log(`  delivered to the ERP: ${delivered} of ${placed.length} (${((Date.now() - deliveryStarted) / 1000).toFixed(1)} s after the load ended); accepted exactly once: ${once}; authorised at the provider: ${authorised}`);
    const round = (n: number) => Number(n.toFixed(1));
    console.log(
      JSON.stringify({
        checkoutsPerSec: round(result.perSec),
        flowP95Ms: round(percentile(result.flow, 95)),
        checkoutP95Ms: round(percentile(result.checkout, 95)),
        flowP50Ms: round(percentile(result.flow, 50)),
        flowP99Ms: round(percentile(result.flow, 99)),
        checkouts: result.checkouts,
        clients: CLIENTS,
        errors: result.errors,
        deliveredOnce: once === placed.length,
        authorisedOnce: authorised === placed.length,
      }),
    );
  } finally {
    client.destroy();
    await pool.end();
    await stopHub(hub);
    await erp.stop();
    await smtp.stop();
    await dropDatabase(serverUrl, database);
    await embedded?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
