import { Decimal } from '@hub/money';
import { badUserInput, forbidden, HubError } from '@hub/errors';
import { traceHeaders } from '@hub/observability';

export interface PricedLine {
  productId: string;
  sku: string;
  quantity: number;
  unitPrice: Decimal;
  currency: string;
}

export interface OrderPricing {
  customerNumber: string;
  lines: PricedLine[];
}

/**
 * Prices an order's lines by asking the gateway, as the customer: the orders subgraph may not
 * read the products subgraph's tables, and asking as the customer gives exactly the prices the
 * customer sees in the shop. One request, whatever the number of lines.
 */
export async function priceOrderLines(gatewayUrl: string, bearer: string, lines: Array<{ productId: string; quantity: number }>): Promise<OrderPricing> {
  const fields = lines
    .map((l, i) => `p${i}: product(id: ${JSON.stringify(l.productId)}) { id sku price(quantity: ${l.quantity}) { amount currency } }`)
    .join('\n');
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    // The placing request's id and trace go on: the pricing query is part of the same trace.
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}`, ...traceHeaders() },
    body: JSON.stringify({ query: `query PriceOrder { me { company { erpNumber } } ${fields} }` }),
  });
  const body = (await response.json()) as { data?: Record<string, any> | null; errors?: Array<{ message: string; path?: string[]; extensions?: { code?: string } }> };
  const data = body.data ?? {};
  for (const error of body.errors ?? []) {
    const alias = error.path?.[0];
    if (alias?.startsWith('p') && error.extensions?.code === 'NOT_FOUND') {
      throw badUserInput(`Product ${lines[Number(alias.slice(1))].productId} is not available.`, `lines.${alias.slice(1)}.productId`);
    }
    throw new HubError('INTERNAL_SERVER_ERROR', `Pricing the order failed: ${error.message}`);
  }
  const customerNumber = data.me?.company?.erpNumber;
  if (!customerNumber) throw forbidden('Only users of a customer company can place orders.');
  return {
    customerNumber,
    lines: lines.map((line, i) => {
      const product = data[`p${i}`];
      if (!product?.price) throw forbidden('You need the "prices.view" permission to place orders.');
      return { productId: line.productId, sku: product.sku, quantity: line.quantity, unitPrice: new Decimal(product.price.amount), currency: product.price.currency };
    }),
  };
}
