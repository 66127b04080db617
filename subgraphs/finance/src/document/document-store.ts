import { ErpDocumentKind } from '@hub/erp-contract';

/** A printed document the hub keeps. */
export interface StoredDocument {
  kind: ErpDocumentKind;
  number: string;
  original: Buffer;
  digitallySigned: boolean;
  /** The stamped copy, once made (never for signed documents). */
  stamped: Buffer | null;
}

/**
 * Where the hub keeps the ERP's printed documents after the first fetch. The default is a table in
 * the finance schema (DocumentStoreRepository); a deployment with many or large documents plugs in
 * an object store (S3, GCS, Azure Blob, MinIO) behind the same three calls, keyed by kind/number.
 */
export interface DocumentStore {
  find(kind: ErpDocumentKind, number: string): Promise<StoredDocument | null>;
  /** Keeps the original; the first copy kept wins (the ERP's printed document does not change). */
  keep(document: { kind: ErpDocumentKind; number: string; original: Buffer; digitallySigned: boolean }): Promise<void>;
  keepStamped(kind: ErpDocumentKind, number: string, stamped: Buffer): Promise<void>;
}
