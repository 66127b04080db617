export * from './hub';
export * from './config';
export * from './embedded-postgres';
export * from './subscription-server-process';
