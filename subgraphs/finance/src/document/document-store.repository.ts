import { createHash } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { executePrepared } from '@hub/database';
import { ErpDocumentKind } from '@hub/erp-contract';
import { DocumentStore, StoredDocument } from './document-store';

interface Row {
  original: Buffer;
  stamped: Buffer | null;
  digitally_signed: boolean;
}

/** The default DocumentStore: finance.stored_document, one prepared statement per call. */
export class DocumentStoreRepository implements DocumentStore {
  constructor(private readonly em: EntityManager) {}

  async find(kind: ErpDocumentKind, number: string): Promise<StoredDocument | null> {
    const [row] = await executePrepared<Row>(this.em, 'select original, stamped, digitally_signed from finance.stored_document where kind = ? and number = ?', [kind, number]);
    return row ? { kind, number, original: row.original, stamped: row.stamped, digitallySigned: row.digitally_signed } : null;
  }

  async keep(document: { kind: ErpDocumentKind; number: string; original: Buffer; digitallySigned: boolean }): Promise<void> {
    const sha256 = createHash('sha256').update(document.original).digest('hex');
    await executePrepared(
      this.em,
      'insert into finance.stored_document (kind, number, original, digitally_signed, sha256, fetched_at) values (?, ?, ?, ?, ?, now()) on conflict (kind, number) do nothing',
      [document.kind, document.number, document.original, document.digitallySigned, sha256],
    );
  }

  async keepStamped(kind: ErpDocumentKind, number: string, stamped: Buffer): Promise<void> {
    await executePrepared(this.em, 'update finance.stored_document set stamped = ? where kind = ? and number = ? and not digitally_signed', [stamped, kind, number]);
  }
}
