/**
 * The catalogue's search text, computed in code so that search works the same on any PostgreSQL
 * (no dependency on `unaccent`): accents folded, lower case, everything but letters and digits
 * turned into single spaces. The SKU is also stored without separators, so "hbs000123",
 * "HB-S000" and "s000123" all find HB-S000123.
 */
const SPECIAL_LETTERS: Record<string, string> = { ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

export function normaliseSearchText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ßøæœłđðþı]/g, (c) => SPECIAL_LETTERS[c] ?? c)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Translated names and descriptions are in the same text: "skruv", "tornillo" and "wkręt" find the
 * screw whatever language the caller reads in, and the search stays one trigram-indexed column.
 */
export function productSearchText(product: {
  sku: string;
  name: string;
  description: string;
  specifications?: Array<{ name: string; value: string; unit?: string | null }> | null;
  translations?: Record<string, { name: string; description?: string | null }> | null;
}): string {
  const specs = (product.specifications ?? []).map((s) => `${s.name} ${s.value} ${s.unit ?? ''}`).join(' ');
  const translated = Object.values(product.translations ?? {}).map((t) => `${t.name} ${t.description ?? ''}`).join(' ');
  const sku = normaliseSearchText(product.sku);
  return ` ${[sku, sku.replace(/ /g, ''), normaliseSearchText(product.name), normaliseSearchText(product.description), normaliseSearchText(specs), normaliseSearchText(translated)].filter(Boolean).join(' ')} `;
}

export const MAX_SEARCH_TERMS = 8;

/** The words of a search, normalised like the search text; each must occur in a matching product. */
export function searchTerms(search: string): string[] {
  const words = normaliseSearchText(search).split(' ').filter(Boolean);
  return [...new Set(words)].slice(0, MAX_SEARCH_TERMS);
}
