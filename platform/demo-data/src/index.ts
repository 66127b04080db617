export * from './random';
export * from './demo-dataset';
