/** One page handed to an ingest function: records created or changed, and the ERP keys of deleted ones. */
export interface IngestPage<T> {
  rows: T[];
  deletions: string[];
  /**
   * Part of a full pull (the run started without a cursor): every record of the kind comes, so an
   * ingest may say "everything changed" instead of listing what did (a full price sync listed each
   * of a million rows' products, page by page, for the catalogue cache that starts over anyway).
   */
  full?: boolean;
}
