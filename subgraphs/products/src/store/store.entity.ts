import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

export interface OpeningHours {
  weekday: number;
  opens: string;
  closes: string;
}

/** A warehouse of the ERP (ERP-owned); the ones flagged isStore are shops and pick-up points. */
@Entity({ tableName: 'warehouse' })
export class WarehouseEntity {
  @PrimaryKey({ type: 'text' })
  code: string;

  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'boolean' })
  isStore: boolean;

  @Property({ type: 'text', nullable: true })
  street: string | null;

  @Property({ type: 'text', nullable: true })
  postalCode: string | null;

  @Property({ type: 'text', nullable: true })
  city: string | null;

  @Property({ type: 'character', length: 2, nullable: true })
  country: string | null;

  @Property({ type: 'text', nullable: true })
  phone: string | null;

  @Property({ type: 'jsonb' })
  openingHours: OpeningHours[];
}
