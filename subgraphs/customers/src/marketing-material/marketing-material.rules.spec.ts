import { checkMaterialFile, materialDay, materialGroups, materialVisible } from './marketing-material.rules';

const pdf = Buffer.from('%PDF-1.4\n%brochure\n');

describe('marketing material rules', () => {
  it('takes a file whose bytes are what it says, and refuses others naming the field', () => {
    expect(checkMaterialFile({ fileName: ' spring.pdf ', contentType: 'application/pdf', contentBase64: pdf.toString('base64') })).toEqual({ fileName: 'spring.pdf', contentType: 'application/pdf', content: pdf });
    const field = (input: Partial<{ fileName: string; contentType: string; contentBase64: string }>) => {
      try {
        checkMaterialFile({ fileName: 'a.pdf', contentType: 'application/pdf', contentBase64: pdf.toString('base64'), ...input });
        return null;
      } catch (error) {
        return (error as { extensions?: { field?: string }; field?: string }).extensions?.field ?? (error as any).details?.field ?? (error as Error).message;
      }
    };
    expect(field({ contentType: 'application/x-msdownload' })).toBe('contentType');
    expect(field({ contentBase64: Buffer.from('MZ not a pdf').toString('base64') })).toBe('contentBase64');
    expect(field({ contentBase64: '***' })).toBe('contentBase64');
    expect(field({ contentBase64: Buffer.alloc(700 * 1024 + 1, 0x25).toString('base64') })).toBe('contentBase64');
    expect(field({ fileName: '../x.pdf' })).toBe('fileName');
  });

  it('reads days and groups strictly', () => {
    expect(materialDay('2026-12-31', 'validUntil')).toBe('2026-12-31');
    expect(() => materialDay('2026-02-30', 'validFrom')).toThrow();
    expect(materialGroups([' wholesale', 'WHOLESALE', 'retail'])).toEqual(['WHOLESALE', 'RETAIL']);
    expect(() => materialGroups(['two words'])).toThrow();
  });

  it('shows a material within its dates, to its groups (or everyone), unless withdrawn', () => {
    const m = { customerGroups: ['WHOLESALE'], validFrom: '2026-12-01', validUntil: '2026-12-31', withdrawnAt: null };
    expect(materialVisible(m, '2026-12-01', 'WHOLESALE')).toBe(true);
    expect(materialVisible(m, '2026-12-31', 'wholesale')).toBe(true);
    expect(materialVisible(m, '2027-01-01', 'WHOLESALE')).toBe(false);
    expect(materialVisible(m, '2026-11-30', 'WHOLESALE')).toBe(false);
    expect(materialVisible(m, '2026-12-10', 'RETAIL')).toBe(false);
    expect(materialVisible(m, '2026-12-10', null)).toBe(false);
    expect(materialVisible({ ...m, customerGroups: [] }, '2026-12-10', null)).toBe(true);
    expect(materialVisible({ ...m, validUntil: null }, '2030-01-01', 'WHOLESALE')).toBe(true);
    expect(materialVisible({ ...m, withdrawnAt: new Date() }, '2026-12-10', 'WHOLESALE')).toBe(false);
  });
});
