export * from './random';
export * from './demo-dataset';
export * from './demo-date';
