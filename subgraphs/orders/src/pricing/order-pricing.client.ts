import http from 'node:http';
import https from 'node:https';
import { Decimal } from '@hub/money';
import { HubError } from '@hub/errors';
import { traceHeaders } from '@hub/observability';

/** Kept-alive connections to the gateway: every ordering request asks it once. */
const agents = { http: new http.Agent({ keepAlive: true, keepAliveMsecs: 30_000, maxSockets: 64 }), https: new https.Agent({ keepAlive: true, keepAliveMsecs: 30_000, maxSockets: 64 }) };

/** POSTs a GraphQL request to the gateway as the bearer, or anonymously (null: a public shop visitor) (node:http with keep-alive: cheaper than fetch per call). */
export function postGraphQL(url: string, bearer: string | null, body: string): Promise<{ status: number; text: string }> {
  const u = new URL(url);
  const secure = u.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const req = (secure ? https : http).request(
      {
        host: u.hostname, port: u.port, path: `${u.pathname}${u.search}`, method: 'POST', agent: secure ? agents.https : agents.http,
        // The placing request's id and trace go on: the pricing query is part of the same trace.
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...traceHeaders() },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A line to price: by product id or by SKU, at a whole quantity. */
export interface PricingLine {
  productId?: string;
  sku?: string;
  quantity: number;
  /** A configurable product's chosen options (P7): the products subgraph judges and prices them. */
  options?: ReadonlyArray<{ code: string; value: string }> | null;
}

/** A configured line's options as the products subgraph understood them, and their summary. */
export interface LineConfiguration {
  options: Array<{ code: string; value: string }>;
  summary: string;
}

/** A rule a configured line breaks (the products subgraph's ConfigurationBrokenRule). */
export interface BrokenConfigurationRule {
  code: string;
  option: string | null;
  ruleCode: string | null;
  text: string;
}

/** A line the viewer can buy, with the viewer's own unit price at its quantity (null without prices.view). */
export interface PricedLine {
  productId: string;
  sku: string;
  name: string;
  unit: string;
  minOrderQuantity: Decimal;
  quantity: number;
  unitPrice: Decimal | null;
  currency: string | null;
  /** A configured product's options (the unit price is for them); null for other products. */
  configuration?: LineConfiguration | null;
}

/** Whether the viewer can buy a line's product (the products subgraph's OrderableStatus). */
export type LineStatus = 'AVAILABLE' | 'NOT_SOLD_TO_YOU' | 'DISCONTINUED' | 'UNKNOWN' | 'INVALID_CONFIGURATION';

/** What the viewer's company offers for an order: its ERP number, delivery addresses and branches. */
export interface PricingCompany {
  erpNumber: string;
  deliveryAddressCodes: string[];
  branches: Array<{ id: string; deliveryAddressCode: string | null }>;
}

export interface PricingResult {
  company: PricingCompany | null;
  /** In the order asked; null where the viewer cannot buy the product (see statuses). */
  lines: Array<PricedLine | null>;
  statuses: LineStatus[];
  /** Per line: the rules its configuration breaks (INVALID_CONFIGURATION), else empty. */
  brokenRules?: BrokenConfigurationRule[][];
  /** Per line: the product's SKU where the products subgraph named it (also for INVALID_CONFIGURATION), else null. */
  skus?: Array<string | null>;
}

interface GraphQLAnswer {
  data?: Record<string, any> | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: { code?: string } }>;
}

const LINES = 'orderableProducts(lines: $lines) { status product { id sku name unit minOrderQuantity } unitPrice { amount currency } brokenRules { code option ruleCode text } configuration { summary options { code value } } }';
const COMPANY = 'company(id: $company) { erpNumber deliveryAddresses { code } branches { id deliveryAddressCode } }';
/** Two fixed texts (with and without the company), whatever the lines: the gateway plans each once. */
const QUERY = `query PriceLines($lines: [OrderableLineInput!]!) { ${LINES} }`;
const QUERY_WITH_COMPANY = `query PriceLinesForCompany($lines: [OrderableLineInput!]!, $company: ID!) { ${COMPANY} ${LINES} }`;

/**
 * Prices lines by asking the gateway, as the customer: the orders subgraph may not read the
 * products subgraph's tables, and asking as the customer gives exactly the prices (breaks,
 * promotions, currency) and the assortment the customer sees in the shop, and for each product it
 * cannot buy why not (unknown, not in its assortment, discontinued). One request, whatever the
 * number of lines; with the company's ERP number, delivery addresses and branches when asked.
 */
export async function priceLines(gatewayUrl: string, bearer: string | null, companyId: string | null, lines: readonly PricingLine[]): Promise<PricingResult> {
  if (lines.length === 0 && companyId === null) return { company: null, lines: [], statuses: [] };
  const variables: Record<string, unknown> = {
    lines: lines.map((l) => ({
      ...(l.productId !== undefined ? { productId: l.productId } : { sku: l.sku }),
      quantity: l.quantity,
      ...(l.options && l.options.length > 0 ? { options: l.options.map((o) => ({ code: o.code, value: o.value })) } : {}),
    })),
  };
  if (companyId !== null) variables.company = companyId;
  const response = await postGraphQL(gatewayUrl, bearer, JSON.stringify({ query: companyId === null ? QUERY : QUERY_WITH_COMPANY, variables }));
  let body: GraphQLAnswer;
  try {
    body = JSON.parse(response.text) as GraphQLAnswer;
  } catch {
    throw new HubError('INTERNAL_SERVER_ERROR', `Pricing the order failed: HTTP ${response.status}`);
  }
  if (body.errors?.length || !body.data) throw new HubError('INTERNAL_SERVER_ERROR', `Pricing the order failed: ${body.errors?.[0]?.message ?? `HTTP ${response.status}`}`);
  const answers: Array<{ status: LineStatus; product: any; unitPrice: { amount: string; currency: string } | null; brokenRules?: BrokenConfigurationRule[]; configuration?: LineConfiguration | null }> = body.data.orderableProducts;
  const company = companyId === null ? null : body.data.company;
  return {
    company: company
      ? {
          erpNumber: company.erpNumber,
          deliveryAddressCodes: (company.deliveryAddresses ?? []).map((a: { code: string | null }) => a.code).filter((c: string | null): c is string => !!c),
          branches: (company.branches ?? []).map((b: { id: string; deliveryAddressCode: string | null }) => ({ id: b.id, deliveryAddressCode: b.deliveryAddressCode ?? null })),
        }
      : null,
    statuses: answers.map((a) => a.status),
    brokenRules: answers.map((a) => a.brokenRules ?? []),
    skus: answers.map((a) => a.product?.sku ?? null),
    lines: answers.map((a, i): PricedLine | null =>
      a.status === 'AVAILABLE' && a.product
        ? {
            productId: a.product.id,
            sku: a.product.sku,
            name: a.product.name,
            unit: a.product.unit,
            minOrderQuantity: new Decimal(a.product.minOrderQuantity ?? '1'),
            quantity: lines[i].quantity,
            unitPrice: a.unitPrice ? new Decimal(a.unitPrice.amount) : null,
            currency: a.unitPrice?.currency ?? null,
            configuration: a.configuration ? { summary: a.configuration.summary, options: a.configuration.options.map((o) => ({ code: o.code, value: o.value })) } : null,
          }
        : null,
    ),
  };
}
