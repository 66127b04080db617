import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** The orders subgraph's share of the ERP's warehouses: which are stores an order can be collected in. */
@Entity({ tableName: 'pickup_store' })
export class PickupStoreEntity {
  @PrimaryKey({ type: 'text' })
  code: string;

  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'boolean' })
  isStore: boolean;
}
