import { registerEnumType } from 'type-graphql';

/** Where a request for quotation stands; answers are taken while it is OPEN and its deadline has not passed. */
export enum RfqStatus {
  OPEN = 'OPEN',
  /** The buyer turned chosen answers into purchase orders. */
  ORDERED = 'ORDERED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(RfqStatus, { name: 'RfqStatus', description: 'OPEN (answers taken until the deadline), ORDERED (turned into purchase orders) or CANCELLED.' });
