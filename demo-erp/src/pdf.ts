/**
 * A minimal, valid one-page PDF 1.4 written byte by byte: catalog, page tree, one A4 page with a
 * Helvetica text content stream, a cross-reference table with exact byte offsets, and a trailer.
 */
const PAGE_HEIGHT = 842;
const MAX_LINES = 60;

function escapeText(text: string): string {
  // WinAnsi covers Latin-1; anything else becomes '?'.
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\' || ch === '(' || ch === ')') out += `\\${ch}`;
    else if (code < 32) out += ' ';
    else if (code > 255) out += '?';
    else out += ch;
  }
  return out;
}

export function renderPdf(title: string, lines: string[]): Buffer {
  const shown = lines.length > MAX_LINES ? [...lines.slice(0, MAX_LINES - 1), `... ${lines.length - MAX_LINES + 1} more lines`] : lines;
  const ops: string[] = ['BT', '/F1 16 Tf', `50 ${PAGE_HEIGHT - 60} Td`, `(${escapeText(title)}) Tj`, '/F1 10 Tf', '0 -28 Td', '12 TL'];
  for (const line of shown) ops.push(`(${escapeText(line)}) '`);
  ops.push('ET');
  const content = Buffer.from(ops.join('\n') + '\n', 'latin1');

  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>', 'latin1'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>', 'latin1'),
    Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 ${PAGE_HEIGHT}] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>`, 'latin1'),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>', 'latin1'),
    Buffer.concat([Buffer.from(`<< /Length ${content.length} >>\nstream\n`, 'latin1'), content, Buffer.from('endstream', 'latin1')]),
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0].length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(obj);
    offset += obj.length;
  });
  const xref = [`xref`, `0 ${objects.length + 1}`, '0000000000 65535 f '];
  for (const o of offsets) xref.push(`${String(o).padStart(10, '0')} 00000 n `);
  const trailer = `${xref.join('\n')}\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF`;
  parts.push(Buffer.from(trailer, 'latin1'));
  return Buffer.concat(parts);
}
