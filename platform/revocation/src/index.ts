export * from './revoked-users';
