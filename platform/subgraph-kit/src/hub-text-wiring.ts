import { PoolClient } from 'pg';

/**
 * Hub-owned texts (C9): labels the hub itself shows users, such as order and return statuses,
 * return reasons and category names, translated per language by staff. Each kind is declared by
 * the module that owns its keys (orders owns order statuses, products categories, ...) with the
 * texts it has built in; staff's translations are kept by the module that declares the
 * `hubTextStore` (notifications), which also serves the `hubTexts`/`setHubText` API. A module
 * showing such a label reads both through ViewerTexts (viewer-texts.ts), in the viewer's language.
 */

/** One key of a kind with the owner's own texts per language (ISO 639-1), e.g. built-in labels or the ERP's name. */
export interface HubTextEntry {
  key: string;
  texts: Readonly<Record<string, string>>;
  /** Shown when neither staff nor the owner has a text in any of the reader's languages (e.g. the ERP's name). */
  fallback: string;
}

export interface HubTextKindDeclaration {
  /** e.g. ORDER_STATUS; the `kind` of the texts API. */
  kind: string;
  description: string;
  /** Every key of the kind, read from the owner's own tables (or code) on `client`. */
  entries(client: PoolClient): Promise<HubTextEntry[]>;
}

/** A text staff set for one key in one language. */
export interface HubTextOverride {
  key: string;
  language: string;
  text: string;
}

/** The module keeping staff's texts and each user's own language (one per hub). */
export interface HubTextStore {
  /** Staff's texts of one kind, in every language. */
  overrides(client: PoolClient, kind: string): Promise<HubTextOverride[]>;
  /** The language the user chose (ISO 639-1), or null. */
  userLanguage(client: PoolClient, userId: string): Promise<string | null>;
}

/** The default language of a user's company (from its country), from the module owning users; null: none. */
export type CompanyLanguageDirectory = (client: PoolClient, userId: string) => Promise<string | null>;
