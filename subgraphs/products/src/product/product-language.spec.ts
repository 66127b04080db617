import { acceptedLanguages, languageOfCountry, localisedText, ProductLanguageService } from './product-language';
import { productSearchText, searchTerms } from './product-search';

describe('product languages', () => {
  it('reads Accept-Language in quality order, drops q=0, regions and malformed tags', () => {
    expect(acceptedLanguages('sv-SE,sv;q=0.9,en;q=0.5')).toEqual(['sv', 'en']);
    expect(acceptedLanguages('en;q=0.2, pl;q=0.8, es')).toEqual(['es', 'pl', 'en']);
    expect(acceptedLanguages('sv;q=0, *, xx-invalid;;q=abc, 12')).toEqual([]);
    expect(acceptedLanguages(null)).toEqual([]);
  });

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

  it('puts the company language before Accept-Language, and reads the company once', async () => {
    let reads = 0;
    const service = new ProductLanguageService(async () => (reads++, 'PL'), 'es, sv;q=0.5');
    expect(await service.preferred()).toEqual(['pl', 'es', 'sv']);
    expect(await service.preferred()).toEqual(['pl', 'es', 'sv']);
    expect(reads).toBe(1);
    expect(await new ProductLanguageService(async () => null, undefined).preferred()).toEqual([]);
  });

  it('search text holds the translated names and descriptions, accent-folded', () => {
    const text = productSearchText({ sku: 'WS-1', name: 'Wood screw', description: 'x', translations: { pl: { name: 'Wkręt do drewna', description: 'Ocynk żółty' }, sv: { name: 'Träskruv' } } });
    for (const word of ['wkręt', 'zolty', 'träskruv']) expect(text).toContain(` ${searchTerms(word)[0]} `);
  });
});
