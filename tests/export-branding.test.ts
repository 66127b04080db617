import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { as, client, demoUser, tokenFor } from './support/hub-client';

/**
 * Branding (G5) on the hub's own exports: the invoice list as PDF and XLSX carries the
 * deployment's name, colour and legal footer that the notifications subgraph serves. The branding
 * is only read here (tests/messages.test.ts sets it in the shared hub): each file is compared with
 * the branding read before and after it was built, and built again if another test changed it.
 */
describe('branding on invoice list exports', () => {
  const reader = demoUser(1, 'read-only');
  const EXPORT = 'query($fmt: ExportFormat!) { invoicesExport(format: $fmt) { url } }';
  const BRANDING = '{ branding { name primaryColor legalFooter } }';

  async function brandedFile(format: 'PDF' | 'XLSX'): Promise<{ branding: { name: string; primaryColor: string; legalFooter: string }; file: Buffer }> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const before = (await client().request<any>(BRANDING)).branding;
      const { invoicesExport } = await (await as(reader.email)).request<any>(EXPORT, { fmt: format });
      const res = await fetch(invoicesExport.url, { headers: { authorization: `Bearer ${await tokenFor(reader.email)}` } });
      expect(res.status).toBe(200);
      const file = Buffer.from(await res.arrayBuffer());
      const after = (await client().request<any>(BRANDING)).branding;
      if (JSON.stringify(before) === JSON.stringify(after)) return { branding: before, file };
    }
    throw new Error('the branding kept changing');
  }

  it('the PDF shows the deployment name and legal footer (read back with pdftotext)', async () => {
    const { branding, file } = await brandedFile('PDF');
    expect(branding.legalFooter.length).toBeGreaterThan(0);
    const dir = mkdtempSync(join(tmpdir(), 'export-branding-'));
    writeFileSync(join(dir, 'list.pdf'), file);
    const text = execFileSync('pdftotext', [join(dir, 'list.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain(branding.name);
    expect(text).toContain(branding.legalFooter);
    // On every page: the name as often as the title.
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages.every((p) => p.includes(branding.name) && p.includes(branding.legalFooter))).toBe(true);
  });

  it('the XLSX ends with the deployment name in its colour and the legal footer', async () => {
    const { branding, file } = await brandedFile('XLSX');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as any);
    const sheet = workbook.worksheets[0];
    const last = sheet.getRow(sheet.rowCount);
    const nameRow = sheet.getRow(sheet.rowCount - 1);
    expect(nameRow.getCell(1).value).toBe(branding.name);
    expect(nameRow.getCell(1).font?.color?.argb).toBe(`FF${branding.primaryColor.slice(1).toUpperCase()}`);
    expect(last.getCell(1).value).toBe(branding.legalFooter);
    // The list and its totals come first, a blank row apart.
    expect(sheet.getRow(sheet.rowCount - 2).cellCount).toBe(0);
    expect(sheet.getRow(sheet.rowCount - 3).getCell(1).value).toBe('Total');
  });
});
