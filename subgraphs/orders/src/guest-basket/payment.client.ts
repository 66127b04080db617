import { HubError } from '@hub/errors';
import { postGraphQL } from '../pricing/order-pricing.client';

/** What the payments owner (finance) answers about an order's card. */
export interface OrderCardPayment {
  id: string;
  status: 'CREATED' | 'REQUIRES_ACTION' | 'AUTHORIZED' | 'CAPTURED' | 'REFUNDED' | 'DECLINED' | 'CANCELLED';
  redirectUrl: string | null;
  failureReason: string | null;
  providerReference: string | null;
}

const FIELDS = 'id status redirectUrl failureReason';
const AUTHORIZE = `mutation AuthorizeGuestOrderPayment($r: String!, $c: CardInput!, $u: String) { authorizeOrderPayment(request: $r, card: $c, returnUrl: $u) { ${FIELDS} } }`;
const STATUS = `query GuestOrderPayment($r: String!) { orderPayment(request: $r) { ${FIELDS} } }`;

interface Answer {
  data?: Record<string, OrderCardPayment | null> | null;
  errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }>;
}

/**
 * Asks the finance subgraph, through the gateway and as nobody (the signed payment request is the
 * authority), to authorise an order's card or tell where it stands. Its refusals come back with their
 * codes: PAYMENT_DECLINED, BAD_USER_INPUT (a card field), UNAVAILABLE (the provider did not answer).
 */
export async function authorizeOrderCard(gatewayUrl: string, request: string, card: { number: string; expMonth: number; expYear: number; cvc: string }, returnUrl: string | null): Promise<OrderCardPayment> {
  return ask(gatewayUrl, AUTHORIZE, { r: request, c: card, u: returnUrl }, 'authorizeOrderPayment');
}

export async function orderCardPayment(gatewayUrl: string, request: string): Promise<OrderCardPayment> {
  return ask(gatewayUrl, STATUS, { r: request }, 'orderPayment');
}

async function ask(gatewayUrl: string, query: string, variables: Record<string, unknown>, field: string): Promise<OrderCardPayment> {
  const response = await postGraphQL(gatewayUrl, null, JSON.stringify({ query, variables }));
  let body: Answer;
  try {
    body = JSON.parse(response.text) as Answer;
  } catch {
    throw new HubError('UNAVAILABLE', `The payment service did not answer (HTTP ${response.status}).`);
  }
  const error = body.errors?.[0];
  if (error) {
    const code = error.extensions?.code;
    if (code === 'PAYMENT_DECLINED' || code === 'UNAVAILABLE' || code === 'CONFLICT' || code === 'NOT_FOUND') throw new HubError(code, error.message);
    if (code === 'BAD_USER_INPUT') throw new HubError('BAD_USER_INPUT', error.message, error.extensions?.field ? { field: error.extensions.field } : {});
    throw new HubError('INTERNAL_SERVER_ERROR', `The payment failed: ${error.message}`);
  }
  const payment = body.data?.[field];
  if (!payment) throw new HubError('INTERNAL_SERVER_ERROR', 'The payment service gave no answer.');
  return { ...payment, providerReference: null };
}
