import { languageOfCountry, localisedText } from './product-language';
import { productSearchText, searchTerms } from './product-search';

describe('product languages', () => {
  it('maps a company country to its language, unknown countries to none', () => {
    expect(languageOfCountry('SE')).toBe('sv');
    expect(languageOfCountry('es')).toBe('es');
    expect(languageOfCountry('EE')).toBeNull();
    expect(languageOfCountry(null)).toBeNull();
  });

  it('picks the first language the product has, else the base text; a missing description falls back alone', () => {
    const base = { name: 'Wood screw', description: 'Chipboard screw.' };
    const translations = { sv: { name: 'Träskruv', description: null }, pl: { name: 'Wkręt', description: 'Wkręt do płyt.' } };
    expect(localisedText(base, translations, ['fr', 'pl', 'sv'])).toEqual({ name: 'Wkręt', description: 'Wkręt do płyt.', language: 'pl' });
    expect(localisedText(base, translations, ['sv'])).toEqual({ name: 'Träskruv', description: 'Chipboard screw.', language: 'sv' });
    // English asked before a translation: the base text.
    expect(localisedText(base, translations, ['en', 'sv'])).toEqual({ ...base, language: 'en' });
    expect(localisedText(base, {}, ['sv'])).toEqual({ ...base, language: 'en' });
  });

  it('search text holds the translated names and descriptions, accent-folded', () => {
    const text = productSearchText({ sku: 'WS-1', name: 'Wood screw', description: 'x', translations: { pl: { name: 'Wkręt do drewna', description: 'Ocynk żółty' }, sv: { name: 'Träskruv' } } });
    for (const word of ['wkręt', 'zolty', 'träskruv']) expect(text).toContain(` ${searchTerms(word)[0]} `);
  });
});
