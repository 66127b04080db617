/**
 * The deployment's branding on the hub's own exports (G5), as the notifications subgraph serves
 * it. Read through the gateway's public `branding` query when a file is built, not copied from an
 * event: exports are rare next to the reads that build them, a read is always the current
 * branding (no second copy to keep in step, no missed event while finance was down), and finance
 * never reads the notifications schema. When the read fails the file is still built, with the
 * neutral defaults below: an export must not depend on the messages service being up.
 */
export interface ExportBranding {
  name: string;
  primaryColor: string;
  legalFooter: string;
}

export const NEUTRAL_BRANDING: ExportBranding = { name: 'ERP integration hub', primaryColor: '#1f2937', legalFooter: '' };

const QUERY = '{ branding { name primaryColor legalFooter } }';

export async function fetchExportBranding(gatewayUrl: string, timeoutMs = 3000): Promise<ExportBranding> {
  try {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: QUERY }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.json()) as { data?: { branding?: Partial<ExportBranding> | null } };
    const b = body.data?.branding;
    if (!b || typeof b.name !== 'string') return NEUTRAL_BRANDING;
    return {
      name: b.name,
      primaryColor: typeof b.primaryColor === 'string' && /^#[0-9a-fA-F]{6}$/.test(b.primaryColor) ? b.primaryColor : NEUTRAL_BRANDING.primaryColor,
      legalFooter: typeof b.legalFooter === 'string' ? b.legalFooter : '',
    };
  } catch {
    return NEUTRAL_BRANDING;
  }
}
