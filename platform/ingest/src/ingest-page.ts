/** One page handed to an ingest function: records created or changed, and the ERP keys of deleted ones. */
export interface IngestPage<T> {
  rows: T[];
  deletions: string[];
}
