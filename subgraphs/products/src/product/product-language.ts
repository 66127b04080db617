/**
 * Which language a caller reads product texts in: the signed-in company's default (from its ERP
 * country), else the client's Accept-Language (anonymous visitors, and companies in a country
 * without a language of its own here), else English, the ERP's base texts. A product without a
 * text in that language shows its base text.
 */
export const BASE_LANGUAGE = 'en';

/** The languages the hub's demo ERP and message templates have; an ERP may send more, which are served too. */
const COUNTRY_LANGUAGE: Record<string, string> = { SE: 'sv', ES: 'es', PL: 'pl', GB: 'en', IE: 'en', US: 'en', FI: 'fi', NO: 'nb', DK: 'da', DE: 'de', AT: 'de', FR: 'fr', NL: 'nl', IT: 'it', PT: 'pt' };

export function languageOfCountry(country: string | null | undefined): string | null {
  return country ? (COUNTRY_LANGUAGE[country.toUpperCase()] ?? null) : null;
}

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

/** The text of a product in the first of the languages it has, else its base text. */
export function localisedText<T extends { name: string; description?: string | null }>(
  base: { name: string; description: string },
  translations: Record<string, T> | null | undefined,
  languages: readonly string[],
): { name: string; description: string; language: string } {
  for (const language of languages) {
    if (language === BASE_LANGUAGE) break;
    const t = translations?.[language];
    if (t?.name) return { name: t.name, description: t.description ?? base.description, language };
  }
  return { ...base, language: BASE_LANGUAGE };
}

/** Per request: the caller's languages, worked out once (the company's profile is the one the catalogue reads anyway). */
export class ProductLanguageService {
  private languages: Promise<string[]> | null = null;

  constructor(
    private readonly companyCountry: () => Promise<string | null>,
    private readonly acceptLanguage: string | null | undefined,
  ) {}

  preferred(): Promise<string[]> {
    this.languages ??= this.companyCountry().then((country) => {
      const company = languageOfCountry(country);
      return [...new Set([...(company ? [company] : []), ...acceptedLanguages(this.acceptLanguage)])];
    });
    return this.languages;
  }
}
