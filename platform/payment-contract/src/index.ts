export * from './payment-records';
export * from './payment-error';
export * from './webhook-signature';
export * from './http-payment-provider';
