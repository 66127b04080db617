import { Entity, Enum, Index, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { ReturnFileKind } from './return-status';

/** A file of a return (photo, waybill, the label), kept in PostgreSQL like the stored documents and served behind signed links. */
@Entity({ tableName: 'return_file' })
@Index({ properties: ['returnId'] })
export class ReturnFileEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid' })
  returnId: string;

  @Enum({ items: () => ReturnFileKind, type: 'text' })
  kind: ReturnFileKind;

  @Property({ type: 'text' })
  fileName: string;

  @Property({ type: 'text' })
  contentType: string;

  @Property({ type: 'integer' })
  byteSize: number;

  @Property({ type: 'blob', lazy: true })
  content: Buffer;

  /** Null for the label, which the hub issues. */
  @Property({ type: 'uuid', nullable: true })
  uploadedByUserId: string | null;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();
}
