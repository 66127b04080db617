import { Entity } from '@mikro-orm/core';
import { OutboxMessageBase, OutboxStore } from '@hub/outbox';

/** Purchase orders, their confirmations, drop-ship assignments and shipments, waiting to be (or already) delivered to the ERP. */
@Entity({ tableName: 'outbox_message' })
export class SuppliersOutboxMessageEntity extends OutboxMessageBase {}

/** The suppliers subgraph's outbox, as the integrator's dispatcher sees it. */
export const suppliersOutbox = new OutboxStore('suppliers');
