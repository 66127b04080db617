import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Where a company's goods go (O12): its own country and the country of each of its ERP delivery
 * addresses, the destination delivery costs are judged for. ERP-owned: only
 * ingestDeliveryDestinations writes it (the orders subgraph's ingest of the `customers` kind).
 */
@Entity({ tableName: 'delivery_destination' })
export class DeliveryDestinationEntity {
  @PrimaryKey({ type: 'uuid' })
  companyId: string;

  @Property({ type: 'character', length: 2 })
  country: string;

  /** Delivery address code → country. */
  @Property({ type: 'jsonb' })
  addressCountries: Record<string, string>;
}
