/**
 * The deployment's branding (Messages) on offer documents, read through the gateway's public
 * `branding` query when a file is built, as finance's exports do (finance/src/export/export-branding.ts):
 * always the current branding, and never a read of the notifications schema. When the read fails
 * the file is still built, with neutral defaults.
 */
export interface OfferBranding {
  name: string;
  primaryColor: string;
  legalFooter: string;
  logo: Buffer | null;
}

export const NEUTRAL_OFFER_BRANDING: OfferBranding = { name: 'ERP integration hub', primaryColor: '#1f2937', legalFooter: '', logo: null };

/** A logo is a small picture; anything larger is left out. */
export const MAX_LOGO_BYTES = 512 * 1024;

export async function fetchOfferBranding(gatewayUrl: string, timeoutMs = 3000): Promise<OfferBranding> {
  try {
    const response = await fetch(gatewayUrl, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ branding { name primaryColor legalFooter logoUrl } }' }), signal: AbortSignal.timeout(timeoutMs),
    });
    const b = ((await response.json()) as { data?: { branding?: { name?: unknown; primaryColor?: unknown; legalFooter?: unknown; logoUrl?: unknown } | null } }).data?.branding;
    if (!b || typeof b.name !== 'string') return NEUTRAL_OFFER_BRANDING;
    return {
      name: b.name,
      primaryColor: typeof b.primaryColor === 'string' && /^#[0-9a-fA-F]{6}$/.test(b.primaryColor) ? b.primaryColor : NEUTRAL_OFFER_BRANDING.primaryColor,
      legalFooter: typeof b.legalFooter === 'string' ? b.legalFooter : '',
      logo: typeof b.logoUrl === 'string' ? await fetchImage(b.logoUrl, timeoutMs) : null,
    };
  } catch {
    return NEUTRAL_OFFER_BRANDING;
  }
}

/** A PNG or JPEG of at most MAX_LOGO_BYTES from `url`, else null (the document then goes without it). */
export async function fetchImage(url: string, timeoutMs = 3000): Promise<Buffer | null> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
    if (!response.ok || Number(response.headers.get('content-length') ?? 0) > MAX_LOGO_BYTES) return null;
    const bytes = Buffer.from(await response.arrayBuffer());
    return bytes.length <= MAX_LOGO_BYTES && imageExtension(bytes) ? bytes : null;
  } catch {
    return null;
  }
}

/** png or jpeg by the file's signature (what pdfkit and exceljs embed), else null. */
export function imageExtension(bytes: Buffer): 'png' | 'jpeg' | null {
  if (bytes.length > 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return null;
}
