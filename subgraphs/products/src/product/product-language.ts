/**
 * Which language a caller reads product texts in: the languages of ViewerTexts (the user's own,
 * the company's default from its ERP country, the client's Accept-Language, the deployment's
 * default), the first the ERP has a text in; else English, the ERP's base texts.
 */
export const BASE_LANGUAGE = 'en';

/** The languages the hub's demo ERP and message templates have; an ERP may send more, which are served too. */
const COUNTRY_LANGUAGE: Record<string, string> = { SE: 'sv', ES: 'es', PL: 'pl', GB: 'en', IE: 'en', US: 'en', FI: 'fi', NO: 'nb', DK: 'da', DE: 'de', AT: 'de', FR: 'fr', NL: 'nl', IT: 'it', PT: 'pt' };

export function languageOfCountry(country: string | null | undefined): string | null {
  return country ? (COUNTRY_LANGUAGE[country.toUpperCase()] ?? null) : null;
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
