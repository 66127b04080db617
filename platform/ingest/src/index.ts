export * from './copy-text-format';
export * from './copy-row-encoder';
export * from './merge-target';
export * from './merge-rows';
export * from './ingest-page';
