/** Legal forms that say nothing about which company it is ("Nordic Tools AB" ~ "Nordic Tools"). */
const LEGAL_FORMS = new Set(['ab', 'gmbh', 'ag', 'kg', 'oy', 'oyj', 'as', 'asa', 'aps', 'ou', 'sa', 'sl', 'sas', 'sarl', 'srl', 'spa', 'bv', 'nv', 'ltd', 'llc', 'inc', 'plc', 'co', 'sp', 'zoo', 'z', 'o', 'oo', 'sl', 'sa', 'sro', 'kft', 'uab', 'sia', 'hb']);

/** Lower case, no accents, no punctuation, single spaces. */
export function normalizeText(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A company name for comparison: normalised, without legal forms. */
export function normalizeCompanyName(name: string): string {
  // Dotted legal forms ("S.L.", "Sp. z o.o.") first lose their dots, so they read as one word.
  return normalizeText(name.replace(/\b([A-Za-z]{1,2})\.(?=[A-Za-z]{1,2}\.)/g, '$1').replace(/\b([A-Za-z]{1,2})\.(?=\s|$|,)/g, '$1'))
    .split(' ')
    .filter((word) => word && !LEGAL_FORMS.has(word))
    .join(' ');
}

/** An address for comparison: "street postal code city", normalised. */
export function normalizeAddress(address: { street?: string; postalCode?: string; city?: string }): string {
  return normalizeText(`${address.street ?? ''} ${(address.postalCode ?? '').replace(/\s+/g, '')} ${address.city ?? ''}`);
}
