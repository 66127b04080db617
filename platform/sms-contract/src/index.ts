export * from './sms-records';
export * from './sms-error';
export * from './http-sms-gateway';
