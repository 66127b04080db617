import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A printed document as the ERP handed it over, kept after the first fetch so it stays available
 * while the ERP is down (the PostgreSQL DocumentStore). The stamped copy is kept too: stamping costs
 * more than reading it back.
 */
@Entity({ tableName: 'stored_document' })
export class StoredDocumentEntity {
  /** The ERP's document kind: invoice, creditNote, deliveryNote, orderConfirmation. */
  @PrimaryKey({ type: 'text' })
  kind: string;

  /** The ERP's number of the document. */
  @PrimaryKey({ type: 'text' })
  number: string;

  /** The bytes exactly as the ERP sent them. */
  @Property({ type: 'blob' })
  original: Buffer;

  /** The original with "DUPLICATE" on every page; null until first served, and for signed documents. */
  @Property({ type: 'blob', nullable: true })
  stamped: Buffer | null = null;

  /** Carries a digital signature: served byte for byte, never stamped. */
  @Property({ type: 'boolean' })
  digitallySigned: boolean;

  /** SHA-256 of the original (hex), for integrity checks and ETags. */
  @Property({ type: 'text' })
  sha256: string;

  @Property({ type: 'timestamptz' })
  fetchedAt: Date;
}
