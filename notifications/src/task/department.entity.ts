import { Entity, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** A department tasks go to (sales, complaints, ...), managed by staff administrators. */
@Entity({ tableName: 'department' })
@Unique({ properties: ['code'] })
export class DepartmentEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  code: string;

  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'boolean' })
  active: boolean & Opt = true;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}
