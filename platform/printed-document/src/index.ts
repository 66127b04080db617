export * from './printed-document';
