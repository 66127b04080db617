export * from './tryton-server';
