/**
 * Encodes values in PostgreSQL's COPY text format: tab-separated, `\N` for null, backslash
 * escapes. Arrays become array literals and objects JSON, so jsonb and text[] columns load too.
 */
export type CopyValue = string | number | boolean | null | undefined | Date | readonly unknown[] | object;

const NEEDS_ESCAPE = /[\\\t\n\r]/;

function escapeText(text: string): string {
  // Most values (ids, numbers, codes) have nothing to escape: a test is a quarter of a replace's cost.
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

function arrayLiteral(items: unknown[]): string {
  return `{${items.map((item) => (item === null ? 'NULL' : `"${String(item).replace(/["\\]/g, (c) => `\\${c}`)}"`)).join(',')}}`;
}

export function encodeCopyValue(value: CopyValue, asJson = false): string {
  if (value === null || value === undefined) return '\\N';
  if (asJson) return escapeText(JSON.stringify(value));
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return escapeText(arrayLiteral(value));
  if (typeof value === 'object') return escapeText(JSON.stringify(value));
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return escapeText(String(value));
}
