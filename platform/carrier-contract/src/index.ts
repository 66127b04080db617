export * from './carrier-records';
export * from './carrier-error';
export * from './carrier-adapter';
export * from './http-carrier-adapter';
