export * from './outbox-message.entity';
export * from './outbox-store';
