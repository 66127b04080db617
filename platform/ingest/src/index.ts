export * from './copy-text-format';
export * from './merge-rows';
