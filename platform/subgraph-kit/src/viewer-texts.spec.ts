import { Viewer } from '@hub/auth';
import { acceptedLanguages } from './accept-language';
import { pickText, ViewerTexts } from './viewer-texts';

const customer: Viewer = { userId: '00000000-0000-4000-8000-000000000001', kind: 'CUSTOMER', companyId: 'c1', supplierId: null, permissions: [] };

describe('viewer texts', () => {
  it('reads Accept-Language in quality order, drops q=0, regions and malformed tags', () => {
    expect(acceptedLanguages('sv-SE,sv;q=0.9,en;q=0.5')).toEqual(['sv', 'en']);
    expect(acceptedLanguages('en;q=0.2, pl;q=0.8, es')).toEqual(['es', 'pl', 'en']);
    expect(acceptedLanguages('sv;q=0, *, xx-invalid;;q=abc, 12')).toEqual([]);
    expect(acceptedLanguages(null)).toEqual([]);
  });

  it('puts the company language before Accept-Language and the deployment default last, and reads the company once', async () => {
    let reads = 0;
    const texts = new ViewerTexts({ databaseUrl: 'postgres://unused', modules: [] }, customer, 'es, sv;q=0.5', async () => (reads++, 'pl'));
    expect(await texts.languages()).toEqual(['pl', 'es', 'sv', 'en']);
    expect(await texts.languages()).toEqual(['pl', 'es', 'sv', 'en']);
    expect(reads).toBe(1);
    // Anonymous: Accept-Language, then the default; the company is not asked.
    expect(await new ViewerTexts({ databaseUrl: 'postgres://unused', modules: [] }, null, 'pl', async () => (reads++, 'sv')).languages()).toEqual(['pl', 'en']);
    expect(reads).toBe(1);
  });

  it("takes staff's text before the owner's in each language, in the viewer's order, else the fallback", () => {
    const overrides = new Map([['sv', 'Skickad (hubb)']]);
    const own = { en: 'Shipped', sv: 'Skickad', es: 'Enviado' };
    expect(pickText(['sv', 'en'], overrides, own, 'SHIPPED')).toEqual({ text: 'Skickad (hubb)', language: 'sv' });
    expect(pickText(['es', 'sv'], overrides, own, 'SHIPPED')).toEqual({ text: 'Enviado', language: 'es' });
    expect(pickText(['fi', 'en'], undefined, own, 'SHIPPED')).toEqual({ text: 'Shipped', language: 'en' });
    expect(pickText(['fi'], undefined, own, 'SHIPPED')).toEqual({ text: 'SHIPPED', language: null });
  });

  it("has no store to ask without the module that keeps the texts, so labels are the owner's own", async () => {
    const texts = new ViewerTexts({ databaseUrl: 'postgres://unused', modules: [] }, null, null);
    expect(await texts.text('ORDER_STATUS', 'SHIPPED', { en: 'Shipped' }, 'SHIPPED')).toBe('Shipped');
  });
});
