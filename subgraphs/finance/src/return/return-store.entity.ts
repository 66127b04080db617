import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** The finance subgraph's share of the ERP's warehouses: which are stores returns can be handed in at. */
@Entity({ tableName: 'return_store' })
export class ReturnStoreEntity {
  @PrimaryKey({ type: 'text' })
  code: string;

  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'boolean' })
  isStore: boolean;
}
