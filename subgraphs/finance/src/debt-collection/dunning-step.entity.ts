import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A dunning level an open invoice reached, recorded by payment monitoring when it duns (once per
 * level): the dunning history a debt-collection case carries. `lastLevel`: the schedule's last.
 */
@Entity({ tableName: 'dunning_step' })
export class DunningStepEntity {
  @PrimaryKey({ type: 'text' })
  documentNumber: string;

  @PrimaryKey({ type: 'integer' })
  level: number;

  @Property({ type: 'uuid', index: true })
  companyId: string;

  @Property({ type: 'boolean' })
  lastLevel: boolean;

  @Property({ type: 'date' })
  dunnedOn: string;

  @Property({ type: 'integer' })
  daysOverdue: number;
}
