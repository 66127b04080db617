import { EXPORT_LANGUAGES, exportLanguage, exportLanguageFor, headingsIn } from './export-headings';

describe('export headings', () => {
  it('takes a language or a tag of one, English when none is given, and refuses others', () => {
    expect([exportLanguage(null), exportLanguage(''), exportLanguage('es-ES'), exportLanguage('PL'), exportLanguage('sv_SE')]).toEqual(['en', 'en', 'es', 'pl', 'sv']);
    expect(() => exportLanguage('de')).toThrow('language must be one of en, es, pl, sv.');
  });

  it("takes the language asked for, else the viewer's first with headings, else English", async () => {
    expect(await exportLanguageFor('pl-PL', async () => ['sv'])).toBe('pl');
    expect(await exportLanguageFor(null, async () => ['fi', 'sv', 'en'])).toBe('sv');
    expect(await exportLanguageFor('', async () => ['et'])).toBe('en');
    await expect(exportLanguageFor('de', async () => ['sv'])).rejects.toThrow('language must be one of en, es, pl, sv.');
  });

  it('has every heading, none empty, in every language', () => {
    const keys = (o: object): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v).map((x) => `${k}.${x}`) : [k]));
    const en = keys(headingsIn('en')).sort();
    for (const lang of EXPORT_LANGUAGES) {
      expect(keys(headingsIn(lang)).sort()).toEqual(en);
      for (const k of en) expect(k.split('.').reduce((o: any, p) => o[p], headingsIn(lang))).toMatch(/\S/);
    }
    expect(headingsIn('es').title).toBe('Facturas');
    expect(headingsIn('pl').statement.title).toBe('Wyciąg z konta');
  });
});
