/**
 * How mail finds its thread: by Message-ID, In-Reply-To and References (RFC 5322), and, for mail
 * that carries none of them, by its subject without reply and forward prefixes.
 */

/** Reply and forward prefixes of the languages the hub speaks (Re, Fwd, AW, WG, SV, VS, Odp, RV, ...). */
const PREFIX = /^\s*(?:(?:re|fw|fwd|aw|wg|sv|vs|odp|pd|rv|res|enc|tr|vl|antw)\s*(?:\[\d+\])?\s*:\s*)+/i;

/** The subject as a thread key: prefixes stripped (repeatedly), whitespace collapsed, lower case. */
export function threadSubject(subject: string | null | undefined): string {
  let s = (subject ?? '').replace(/\s+/g, ' ').trim();
  return s.replace(PREFIX, '').trim().toLowerCase();
}

/** A message id as stored: without angle brackets and surrounding space. */
export function bareMessageId(id: string | null | undefined): string | null {
  const bare = (id ?? '').trim().replace(/^<+/, '').replace(/>+$/, '').trim();
  return bare.length > 0 && bare.length <= 998 ? bare : null;
}

/** The ids a References header (or mailparser's string | string[]) names, oldest first, each once. */
export function referenceIds(references: string | readonly string[] | null | undefined): string[] {
  const raw = typeof references === 'string' ? [references] : [...(references ?? [])];
  const ids = raw.flatMap((r) => r.match(/<[^<>\s]+>|[^<>\s]+/g) ?? []).map(bareMessageId).filter((id): id is string => id !== null);
  return [...new Set(ids)];
}

/** The ids a message answers, nearest first: In-Reply-To, then References from the newest. */
export function threadAncestors(inReplyTo: string | null, references: readonly string[]): string[] {
  return [...new Set([...(inReplyTo ? [inReplyTo] : []), ...[...references].reverse()])];
}
