import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { as, client, demoUser, tokenFor } from './support/hub-client';

const dir = mkdtempSync(join(tmpdir(), 'export-branding-'));
const pdfText = (file: Buffer, name: string): string => {
  writeFileSync(join(dir, name), file);
  return execFileSync('pdftotext', [join(dir, name), '-'], { encoding: 'utf8' });
};
/** The images a PDF embeds, as `pdfimages -list` prints them: width × height of each. */
const pdfImages = (file: Buffer, name: string): string[] => {
  writeFileSync(join(dir, name), file);
  return execFileSync('pdfimages', ['-list', join(dir, name)], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      return `${cols[3]}x${cols[4]}`;
    });
};

/** A real PNG of one colour (8-bit RGB), the logo the tests' branding points at. */
function solidPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from([0x1f, 0x4e, 0x79]))]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

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
    // No language asked: the reader's (the Polish company's default).
    expect(sheet.getRow(sheet.rowCount - 3).getCell(1).value).toBe('Razem');
  });
});

/**
 * Branding on the other hub-made files: the statement export (PDF, XLSX) and the return label
 * carry the deployment's name, colour, legal footer and (in PDFs) its logo, served here over HTTP
 * and fetched by the hub when it builds the file. The logo is this file's own setting (the other
 * tests leave logoUrl alone); it is removed again at the end.
 */
describe('branding on statement exports and the return label', () => {
  const reader = demoUser(1, 'read-only');
  const spanishAdmin = demoUser(2, 'customer admin');
  const LOGO = solidPng(48, 16);
  let logoServer: Server;

  beforeAll(async () => {
    logoServer = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': LOGO.length });
      res.end(LOGO);
    });
    await new Promise<void>((resolve) => logoServer.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(logoServer.address() as AddressInfo).port}/logo.png`;
    await (await as('admin@hub.example')).request('mutation($u: String!) { updateBranding(input: { logoUrl: $u }) { logoUrl } }', { u: url });
  });

  afterAll(async () => {
    await (await as('admin@hub.example')).request('mutation { updateBranding(input: { logoUrl: "" }) { logoUrl } }');
    await new Promise((resolve) => logoServer.close(resolve));
  });

  const BRANDING = '{ branding { name primaryColor legalFooter } }';
  /** Builds a file until the branding read before and after it is the same (another test may change it meanwhile). */
  async function branded(build: () => Promise<Buffer>): Promise<{ branding: { name: string; primaryColor: string; legalFooter: string }; file: Buffer }> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const before = (await client().request<any>(BRANDING)).branding;
      const file = await build();
      const after = (await client().request<any>(BRANDING)).branding;
      if (JSON.stringify(before) === JSON.stringify(after)) return { branding: before, file };
    }
    throw new Error('the branding kept changing');
  }
  const download = async (url: string, email: string) => {
    const res = await fetch(url, { headers: { authorization: `Bearer ${await tokenFor(email)}` } });
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  };
  const statementFile = (format: 'PDF' | 'XLSX') => async () => {
    const { statementExport } = await (await as(reader.email)).request<any>(
      'query($fmt: ExportFormat!) { statementExport(from: "2020-01-01", to: "2029-12-31", format: $fmt, language: "pl") { url } }',
      { fmt: format },
    );
    return download(statementExport.url, reader.email);
  };

  it('the statement PDF shows the logo once, and the name and legal footer on every page', async () => {
    const { branding, file } = await branded(statementFile('PDF'));
    const text = pdfText(file, 'statement.pdf');
    expect(text).toContain('Wyciąg z konta');
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.every((p) => p.includes(branding.name) && p.includes(branding.legalFooter))).toBe(true);
    // One embedded image, the logo at its own size, drawn on each page.
    const images = pdfImages(file, 'statement.pdf');
    expect(images.length).toBe(pages.length);
    expect(new Set(images)).toEqual(new Set(['48x16']));
  });

  it('the statement XLSX ends with the deployment name in its colour and the legal footer', async () => {
    const { branding, file } = await branded(statementFile('XLSX'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as any);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(sheet.rowCount).getCell(1).value).toBe(branding.legalFooter);
    const nameRow = sheet.getRow(sheet.rowCount - 1);
    expect(nameRow.getCell(1).value).toBe(branding.name);
    expect(nameRow.getCell(1).font?.color?.argb).toBe(`FF${branding.primaryColor.slice(1).toUpperCase()}`);
    expect(sheet.getRow(sheet.rowCount - 2).cellCount).toBe(0);
    expect(sheet.getRow(1).getCell(1).value).toBe('Data');
  });

  it('the return label shows the logo, the name and the legal footer beside its barcode', async () => {
    const admin = await as(spanishAdmin.email);
    const since = Date.now() - 11 * 30 * 24 * 3600 * 1000;
    const { deliveryNotes } = await admin.request<any>('{ deliveryNotes(first: 200) { id shippedAt deliveredAt lines { lineNo serialNumbers } } }');
    const notes = deliveryNotes.filter((n: any) => new Date(n.deliveredAt ?? n.shippedAt).getTime() > since && n.lines.some((l: any) => !l.serialNumbers));
    let attempt = 0;
    const { branding, file } = await branded(async () => {
      // The label is made when staff accept a return, so each attempt files and accepts one of its own.
      const note = notes[attempt++];
      const line = note.lines.find((l: any) => !l.serialNumbers);
      const { fileReturn } = await admin.request<any>('mutation($i: FileReturnInput!) { fileReturn(input: $i) { id status statusLabel } }', {
        i: { deliveryNoteId: note.id, reasonCode: 'WRONG_ITEM', condition: 'UNOPENED', lines: [{ lineNo: line.lineNo, quantity: '1' }] },
      });
      // The status in the company's language (Spanish).
      expect(fileReturn).toMatchObject({ status: 'FILED', statusLabel: 'Solicitada' });
      await (await as('orders@hub.example')).request('mutation($id: ID!) { acceptReturn(id: $id) { id } }', { id: fileReturn.id });
      const { returnRequest } = await admin.request<any>('query($id: ID!) { returnRequest(id: $id) { status statusLabel labelUrl history { to toLabel } } }', { id: fileReturn.id });
      expect(returnRequest).toMatchObject({ status: 'LABEL_ISSUED', statusLabel: 'Etiqueta lista' });
      expect(returnRequest.history.map((h: any) => h.toLabel)).toEqual(['Solicitada', 'Aceptada', 'Etiqueta lista']);
      return download(returnRequest.labelUrl, spanishAdmin.email);
    });
    const text = pdfText(file, 'label.pdf');
    expect(text).toContain(branding.name);
    expect(text).toContain(branding.legalFooter);
    expect(text).toContain('RETURN');
    expect(text.split('\f').filter((p) => p.trim()).length).toBe(1);
    expect(pdfImages(file, 'label.pdf')).toContain('48x16');
  });
});
