export * from './hub';
export * from './config';
export * from './embedded-postgres';
