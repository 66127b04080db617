export * from './tryton-server';
export * from './tryton-accounting';
