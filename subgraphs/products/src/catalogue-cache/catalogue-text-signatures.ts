import { TextSignatures } from './catalogue-cache';

/** Where staff's hub texts of a kind are read (a request's ViewerTexts, in the subgraph or the gateway). */
export interface HubTextOverrides {
  overrides(kind: string): Promise<Map<string, Map<string, string>>>;
}

/** The signature of staff's texts of each kind now (read once per request and kind, as the answer itself reads them). */
export async function textSignatures(texts: HubTextOverrides, kinds: readonly string[]): Promise<TextSignatures> {
  const signatures: Record<string, string> = {};
  for (const kind of kinds) {
    const overrides = await texts.overrides(kind);
    const rows = [...overrides].flatMap(([key, languages]) => [...languages].map(([language, text]) => `${key}\u0000${language}\u0000${text}`));
    signatures[kind] = rows.sort().join('\u0001');
  }
  return signatures;
}
