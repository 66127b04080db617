import { Pool, PoolClient } from 'pg';
import { EntityManager } from '@mikro-orm/postgresql';
import { requireStaffPermission, requireViewer, Viewer } from '@hub/auth';
import { badUserInput, notFound } from '@hub/errors';
import { deploymentLanguage, HubTextEntry, HubTextKindDeclaration, pickText } from '@hub/subgraph-kit';
import { LANGUAGES } from '../template/builtin-templates';
import { HubTextEntity } from './hub-text.entity';
import { HubTextKindObject, HubTextObject } from './hub-text.object';

/** A label is short: a status, a reason, a category name. */
export const MAX_HUB_TEXT_LENGTH = 200;

/**
 * Staff's translations of hub-owned texts. The kinds and their keys come from the modules that own
 * them (hubTextKinds), read through their declared functions, never from their tables here.
 */
export class HubTextService {
  constructor(
    private readonly em: EntityManager,
    private readonly kinds: readonly HubTextKindDeclaration[],
    private readonly pool: () => Pool,
  ) {}

  listKinds(viewer: Viewer | null): HubTextKindObject[] {
    requireViewer(viewer);
    return this.kinds.map((k) => Object.assign(new HubTextKindObject(), { kind: k.kind, description: k.description }));
  }

  /** Every key of a kind (null: of every kind) as a reader of `language` sees it. Anyone signed in. */
  async list(viewer: Viewer | null, language: string, kind: string | null | undefined): Promise<HubTextObject[]> {
    requireViewer(viewer);
    const lang = this.language(language);
    const kinds = kind == null ? this.kinds : [this.kind(kind)];
    const result: HubTextObject[] = [];
    for (const k of kinds) {
      const [entries, overrides] = await Promise.all([this.entries(k), this.em.find(HubTextEntity, { kind: k.kind })]);
      for (const entry of entries) result.push(this.objectOf(k.kind, entry, lang, overrides.filter((o) => o.key === entry.key)));
    }
    return result;
  }

  /** Staff (staff.users): the text of one key in one language; everything is checked before it is stored. */
  async set(viewer: Viewer | null, kind: string, key: string, language: string, text: string): Promise<HubTextObject> {
    const v = requireStaffPermission(viewer, 'staff.users');
    const k = this.kind(kind);
    const lang = this.language(language);
    const value = (text ?? '').trim();
    if (value.length === 0 || value.length > MAX_HUB_TEXT_LENGTH || /[\r\n]/.test(value)) throw badUserInput(`text must be 1 to ${MAX_HUB_TEXT_LENGTH} characters on one line.`, 'text');
    const entry = await this.entry(k, key);
    await this.em.upsert(HubTextEntity, { kind: k.kind, key: entry.key, language: lang, text: value, updatedBy: v.userId, updatedAt: new Date() });
    return this.objectOf(k.kind, entry, lang, await this.em.find(HubTextEntity, { kind: k.kind, key: entry.key }));
  }

  /** Staff (staff.users): removes staff's text of one key in one language; the built-in text shows again. */
  async remove(viewer: Viewer | null, kind: string, key: string, language: string): Promise<HubTextObject> {
    requireStaffPermission(viewer, 'staff.users');
    const k = this.kind(kind);
    const lang = this.language(language);
    const entry = await this.entry(k, key);
    const deleted = await this.em.nativeDelete(HubTextEntity, { kind: k.kind, key: entry.key, language: lang });
    if (deleted === 0) throw notFound('HubText', `${k.kind}/${key}/${lang}`);
    return this.objectOf(k.kind, entry, lang, await this.em.find(HubTextEntity, { kind: k.kind, key: entry.key }));
  }

  private objectOf(kind: string, entry: HubTextEntry, language: string, overrides: readonly HubTextEntity[]): HubTextObject {
    const byLanguage = new Map(overrides.map((o) => [o.language, o.text]));
    return Object.assign(new HubTextObject(), {
      kind,
      key: entry.key,
      language,
      text: pickText([language, deploymentLanguage()], byLanguage, entry.texts, entry.fallback).text,
      builtInText: entry.texts[language] ?? entry.fallback,
      overridden: byLanguage.has(language),
    });
  }

  private kind(kind: string): HubTextKindDeclaration {
    const found = this.kinds.find((k) => k.kind === kind);
    if (!found) throw badUserInput(`kind must be one of ${this.kinds.map((k) => k.kind).join(', ')}.`, 'kind');
    return found;
  }

  private language(language: string): string {
    if (!(LANGUAGES as readonly string[]).includes(language)) throw badUserInput(`language must be one of ${LANGUAGES.join(', ')}.`, 'language');
    return language;
  }

  private async entry(kind: HubTextKindDeclaration, key: string): Promise<HubTextEntry> {
    const found = (await this.entries(kind)).find((e) => e.key === key);
    if (!found) throw notFound(`${kind.kind} key`, key);
    return found;
  }

  private async entries(kind: HubTextKindDeclaration): Promise<HubTextEntry[]> {
    const client: PoolClient = await this.pool().connect();
    try {
      return await kind.entries(client);
    } finally {
      client.release();
    }
  }
}
