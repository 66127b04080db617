export * from './copy-text-format';
export * from './merge-rows';
export * from './ingest-page';
