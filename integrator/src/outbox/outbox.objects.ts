import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { OutboxMessage } from '@hub/outbox';

export enum OutboxMessageStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  DEAD = 'DEAD',
}

registerEnumType(OutboxMessageStatus, { name: 'OutboxMessageStatus', description: 'DEAD: given up on; staff may resend.' });

@ObjectType('OutboxMessage', { description: 'A message to the ERP (an order, a new customer, a return).' })
export class OutboxMessageObject {
  @Field(() => ID)
  id: string;

  @Field({ description: 'The subgraph that wrote it.' })
  source: string;

  @Field()
  topic: string;

  @Field({ description: 'Idempotency key sent to the ERP.' })
  key: string;

  @Field(() => OutboxMessageStatus)
  status: OutboxMessageStatus;

  @Field(() => Int)
  attempts: number;

  @Field()
  nextAttemptAt: Date;

  @Field(() => String, { nullable: true })
  lastError: string | null;

  @Field(() => String, { nullable: true, description: "The ERP's answer, as JSON." })
  result: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  deliveredAt: Date | null;

  static from(source: string, m: OutboxMessage): OutboxMessageObject {
    return Object.assign(new OutboxMessageObject(), {
      ...m,
      source,
      status: m.status as OutboxMessageStatus,
      result: m.result ? JSON.stringify(m.result) : null,
    });
  }
}
