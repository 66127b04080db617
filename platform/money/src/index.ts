export * from './decimal.scalar';
export * from './money';
export * from './money.object';
