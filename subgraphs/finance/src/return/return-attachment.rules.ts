import { badUserInput, HubError } from '@hub/errors';
import { ReturnFileKind } from './return-status';

/** What a customer may attach to a return: photos and scans, each checked against its own bytes. */
const SIGNATURES: Readonly<Record<string, (b: Buffer) => boolean>> = {
  'image/jpeg': (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.length > 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (b) => b.length > 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP',
  'application/pdf': (b) => b.length > 5 && b.toString('latin1', 0, 5) === '%PDF-',
};

export const ATTACHMENT_CONTENT_TYPES = Object.keys(SIGNATURES);

/** At most this many files per return, besides its label. */
export const MAX_ATTACHMENTS_PER_RETURN = 10;

/**
 * The size limit of one attachment: HUB_RETURN_ATTACHMENT_MAX_BYTES, default 512 KiB. Files travel
 * base64 in the GraphQL request, which the gateway takes up to 1 MB, so the limit stays below 700 KiB.
 */
export function maxAttachmentBytes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.HUB_RETURN_ATTACHMENT_MAX_BYTES;
  if (raw === undefined || raw === '') return 512 * 1024;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1024 || n > 700 * 1024) throw new Error(`HUB_RETURN_ATTACHMENT_MAX_BYTES must be 1024 to 716800, got "${raw}".`);
  return n;
}

export interface CheckedAttachment {
  kind: ReturnFileKind;
  fileName: string;
  contentType: string;
  content: Buffer;
}

/** BAD_USER_INPUT (naming the field) for a kind, type, name, encoding or size the hub does not take. */
export function checkAttachment(
  input: { kind: ReturnFileKind; fileName: string; contentType: string; contentBase64: string },
  field: string,
  maxBytes = maxAttachmentBytes(),
): CheckedAttachment {
  if (input.kind !== ReturnFileKind.PHOTO && input.kind !== ReturnFileKind.WAYBILL) throw badUserInput('An attachment is a PHOTO or a WAYBILL; the label is issued by the hub.', `${field}.kind`);
  const fileName = input.fileName.trim();
  if (fileName.length < 1 || fileName.length > 200 || /[\u0000-\u001f/\\]/.test(fileName)) throw badUserInput('The file name must be 1 to 200 characters, without slashes or control characters.', `${field}.fileName`);
  const check = SIGNATURES[input.contentType];
  if (!check) throw badUserInput(`Attachments must be one of ${ATTACHMENT_CONTENT_TYPES.join(', ')}; got ${input.contentType.slice(0, 80)}.`, `${field}.contentType`);
  const encoded = input.contentBase64.replace(/\s+/g, '');
  // Base64 of more than the limit is refused before it is decoded.
  if (Math.floor((encoded.length * 3) / 4) - (encoded.endsWith('==') ? 2 : encoded.endsWith('=') ? 1 : 0) > maxBytes) {
    throw new HubError('BAD_USER_INPUT', `An attachment may be at most ${maxBytes} bytes.`, { field: `${field}.contentBase64`, maxBytes });
  }
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded) || encoded.length % 4 !== 0) throw badUserInput('The content is not valid base64.', `${field}.contentBase64`);
  const content = Buffer.from(encoded, 'base64');
  if (content.length === 0) throw badUserInput('The file is empty.', `${field}.contentBase64`);
  if (!check(content)) throw badUserInput(`The content is not ${input.contentType}.`, `${field}.contentBase64`);
  return { kind: input.kind, fileName, contentType: input.contentType, content };
}
