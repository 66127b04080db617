/** The caller's preferred languages from an Accept-Language header, best first (quality order, q=0 left out), as ISO 639-1 codes. */
export function acceptedLanguages(header: string | null | undefined): string[] {
  if (!header) return [];
  const entries = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      // A quality that is not a number makes the entry invalid (left out), as RFC 9110 has no such value.
      const quality = params.find((p) => /^\s*q\s*=/i.test(p));
      const q = quality === undefined ? 1 : /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(quality) ? Number(quality.split('=')[1]) : NaN;
      return { code: tag.trim().toLowerCase().split('-')[0], q, index };
    })
    .filter((e) => /^[a-z]{2}$/.test(e.code) && Number.isFinite(e.q) && e.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return [...new Set(entries.map((e) => e.code))];
}

/** The deployment's default language (HUB_DEFAULT_LANGUAGE, an ISO 639-1 code; default en): the last fallback of every text. */
export function deploymentLanguage(): string {
  const value = (process.env.HUB_DEFAULT_LANGUAGE ?? '').trim().toLowerCase();
  return /^[a-z]{2}$/.test(value) ? value : 'en';
}
