export * from './hub-event';
export * from './publish-event';
export * from './event-listener';
export * from './subscription-route';
