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
  /** The logo image (PNG or JPEG, what a PDF can embed) from the branding's logoUrl; null: none or not readable. */
  logo: Buffer | null;
}

export const NEUTRAL_BRANDING: ExportBranding = { name: 'ERP integration hub', primaryColor: '#1f2937', legalFooter: '', logo: null };

const QUERY = '{ branding { name primaryColor legalFooter logoUrl } }';

/** A logo is a small picture; anything larger is not embedded (the file is built without it). */
export const MAX_LOGO_BYTES = 512 * 1024;

export async function fetchExportBranding(gatewayUrl: string, timeoutMs = 3000): Promise<ExportBranding> {
  try {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: QUERY }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.json()) as { data?: { branding?: (Partial<Omit<ExportBranding, 'logo'>> & { logoUrl?: string | null }) | null } };
    const b = body.data?.branding;
    if (!b || typeof b.name !== 'string') return NEUTRAL_BRANDING;
    return {
      name: b.name,
      primaryColor: typeof b.primaryColor === 'string' && /^#[0-9a-fA-F]{6}$/.test(b.primaryColor) ? b.primaryColor : NEUTRAL_BRANDING.primaryColor,
      legalFooter: typeof b.legalFooter === 'string' ? b.legalFooter : '',
      logo: typeof b.logoUrl === 'string' ? await fetchLogo(b.logoUrl, timeoutMs) : null,
    };
  } catch {
    return NEUTRAL_BRANDING;
  }
}

/** The logo's bytes when they are a PNG or JPEG of at most MAX_LOGO_BYTES; null otherwise (the file then shows the name alone). */
export async function fetchLogo(url: string, timeoutMs: number): Promise<Buffer | null> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
    if (!response.ok || Number(response.headers.get('content-length') ?? 0) > MAX_LOGO_BYTES) return null;
    const bytes = Buffer.from(await response.arrayBuffer());
    return bytes.length <= MAX_LOGO_BYTES && isEmbeddableImage(bytes) ? bytes : null;
  } catch {
    return null;
  }
}

/** PNG or JPEG by their signatures: pdfkit embeds only these, and throws on anything else. */
export function isEmbeddableImage(bytes: Buffer): boolean {
  const png = bytes.length > 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const jpeg = bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  return png || jpeg;
}
