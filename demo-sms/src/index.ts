export * from './sms-outbox';
export * from './server';
