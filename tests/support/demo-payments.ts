import { TEST_CARDS } from '@hub/payment-contract';

/** The admin key and webhook secret of the shared hub's demo payment provider. */
export const TEST_PAYMENTS_ADMIN_KEY = 'test-payments-admin-key';
export const TEST_PAYMENTS_WEBHOOK_SECRET = 'whsec_test-payments-webhook-secret';

/** Calls one of the shared hub's demo payment provider's /admin endpoints; fails on non-2xx. */
export async function paymentsAdmin(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown, baseUrl = process.env.HUB_TEST_PAYMENTS_URL!): Promise<any> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${TEST_PAYMENTS_ADMIN_KEY}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** A card input for GraphQL, valid for two more years. */
export const card = (number: string = TEST_CARDS.succeeds) => ({ number, expMonth: 12, expYear: new Date().getUTCFullYear() + 2, cvc: '123' });

export { TEST_CARDS };

/** The payer completes (or fails) the 3-D Secure challenge on the provider's page, as a browser would. */
export async function completeThreeDSecure(redirectUrl: string, outcome: 'succeed' | 'fail' = 'succeed'): Promise<void> {
  const response = await fetch(redirectUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body: `outcome=${outcome}` });
  if (!response.ok) throw new Error(`3-D Secure: ${response.status} ${await response.text()}`);
}

/** The finance subgraph's webhook endpoint of the shared hub. */
export function paymentWebhookUrl(): string {
  const urls = JSON.parse(process.env.HUB_TEST_SUBGRAPH_URLS!) as Record<string, string>;
  return urls.finance.replace(/\/graphql$/, '/webhooks/payments');
}
