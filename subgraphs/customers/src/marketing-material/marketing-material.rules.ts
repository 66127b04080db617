import { badUserInput, HubError } from '@hub/errors';

/** What staff may publish: documents and images, each checked against its own bytes. */
const SIGNATURES: Readonly<Record<string, (b: Buffer) => boolean>> = {
  'application/pdf': (b) => b.length > 5 && b.toString('latin1', 0, 5) === '%PDF-',
  'image/jpeg': (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.length > 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (b) => b.length > 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP',
  // Price sheets as spreadsheets: XLSX is a ZIP container.
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': (b) => b.length > 4 && b.toString('latin1', 0, 4) === 'PK\u0003\u0004',
  'text/csv': (b) => !b.includes(0),
};

export const MATERIAL_CONTENT_TYPES = Object.keys(SIGNATURES);

/** Files travel base64 in the GraphQL request, which the gateway takes up to 1 MB: at most 700 KiB of file. */
export const MAX_MATERIAL_BYTES = 700 * 1024;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const GROUP = /^[A-Z0-9][A-Z0-9_-]{0,31}$/;

export function materialDay(value: string, field: string): string {
  const date = DAY.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(NaN);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) throw badUserInput(`"${value}" is not a day (YYYY-MM-DD).`, field);
  return value;
}

export function materialGroups(groups: readonly string[] | null | undefined): string[] {
  const normalised = [...new Set((groups ?? []).map((g) => g.trim().toUpperCase()))];
  const bad = normalised.find((g) => !GROUP.test(g));
  if (bad !== undefined) throw badUserInput(`"${bad}" is not a customer group (1 to 32 letters, digits, - or _).`, 'customerGroups');
  if (normalised.length > 50) throw badUserInput('At most 50 customer groups.', 'customerGroups');
  return normalised;
}

/** BAD_USER_INPUT (naming the field) for a name, type, encoding or size the hub does not take. */
export function checkMaterialFile(input: { fileName: string; contentType: string; contentBase64: string }): { fileName: string; contentType: string; content: Buffer } {
  const fileName = input.fileName.trim();
  if (fileName.length < 1 || fileName.length > 200 || /[\u0000-\u001f/\\]/.test(fileName)) throw badUserInput('The file name must be 1 to 200 characters, without slashes or control characters.', 'fileName');
  const check = SIGNATURES[input.contentType];
  if (!check) throw badUserInput(`Materials must be one of ${MATERIAL_CONTENT_TYPES.join(', ')}; got ${input.contentType.slice(0, 80)}.`, 'contentType');
  const encoded = input.contentBase64.replace(/\s+/g, '');
  if (Math.floor((encoded.length * 3) / 4) > MAX_MATERIAL_BYTES + 2) throw new HubError('BAD_USER_INPUT', `A material may be at most ${MAX_MATERIAL_BYTES} bytes.`, { field: 'contentBase64', maxBytes: MAX_MATERIAL_BYTES });
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded) || encoded.length % 4 !== 0) throw badUserInput('The content is not valid base64.', 'contentBase64');
  const content = Buffer.from(encoded, 'base64');
  if (content.length === 0) throw badUserInput('The file is empty.', 'contentBase64');
  if (content.length > MAX_MATERIAL_BYTES) throw new HubError('BAD_USER_INPUT', `A material may be at most ${MAX_MATERIAL_BYTES} bytes.`, { field: 'contentBase64', maxBytes: MAX_MATERIAL_BYTES });
  if (!check(content)) throw badUserInput(`The content is not ${input.contentType}.`, 'contentBase64');
  return { fileName, contentType: input.contentType, content };
}

/** Whether a material is shown on a day to a company of a group (validity and audience; not withdrawn). */
export function materialVisible(m: { customerGroups: readonly string[]; validFrom: string; validUntil: string | null; withdrawnAt: Date | null }, day: string, customerGroup: string | null): boolean {
  if (m.withdrawnAt) return false;
  if (m.validFrom > day || (m.validUntil !== null && m.validUntil < day)) return false;
  return m.customerGroups.length === 0 || (customerGroup !== null && m.customerGroups.includes(customerGroup.toUpperCase()));
}
