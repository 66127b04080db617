import { Entity, Enum, Index, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { ReturnStatus } from './return-status';

/** A return's history: each move of the state machine, when, by whom (null: the ERP), and why. */
@Entity({ tableName: 'return_status_event' })
@Index({ properties: ['returnId', 'at'] })
export class ReturnStatusEventEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid' })
  returnId: string;

  @Property({ type: 'timestamptz' })
  at: Date & Opt = new Date();

  @Enum({ items: () => ReturnStatus, type: 'text', nullable: true })
  fromStatus: ReturnStatus | null;

  @Enum({ items: () => ReturnStatus, type: 'text' })
  toStatus: ReturnStatus;

  @Property({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Property({ type: 'text', nullable: true })
  note: string | null;
}
