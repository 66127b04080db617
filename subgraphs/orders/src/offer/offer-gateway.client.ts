import { HubError } from '@hub/errors';
import { traceHeaders } from '@hub/observability';
import { OfferPartner } from './offer.entity';

/** The customer company as the offer addresses it, read through the gateway as the rep (the customers subgraph owns it). */
export interface PartnerCompany {
  currency: string;
  partner: Omit<OfferPartner, 'contactName' | 'contactEmail' | 'contactPhone' | 'logoUrl'>;
}

const COMPANIES = 'query OfferPartners { companiesByIds: companies { id name erpNumber currency invoiceAddress { street postalCode city country } } }';

/**
 * Reads the companies an offer goes to, as the rep (staff see every company there). Null for an id
 * that is no company. One request whatever the number of companies.
 */
export async function fetchPartnerCompanies(gatewayUrl: string, bearer: string, companyIds: readonly string[]): Promise<Map<string, PartnerCompany>> {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}`, ...traceHeaders() },
    body: JSON.stringify({ query: COMPANIES }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await response.json()) as { data?: { companiesByIds?: any[] | null }; errors?: Array<{ message: string }> };
  if (body.errors?.length || !body.data?.companiesByIds) throw new HubError('INTERNAL_SERVER_ERROR', `Reading the customers failed: ${body.errors?.[0]?.message ?? `HTTP ${response.status}`}`);
  const wanted = new Set(companyIds);
  const found = new Map<string, PartnerCompany>();
  for (const c of body.data.companiesByIds) {
    if (!wanted.has(c.id)) continue;
    const a = c.invoiceAddress;
    found.set(c.id, {
      currency: c.currency,
      partner: { name: c.name, erpNumber: c.erpNumber ?? null, address: a ? { street: a.street, postalCode: a.postalCode, city: a.city, country: a.country } : null },
    });
  }
  return found;
}
