import { Field, ID, InputType } from 'type-graphql';
import { badUserInput } from '@hub/errors';
import { isUuid } from '@hub/subgraph-kit';
import { ShipmentStatus } from './shipment-status';

@InputType('ShipmentFilter', { description: 'Which shipments: all given conditions hold.' })
export class ShipmentFilterInput {
  @Field(() => ID, { nullable: true, description: 'Of this order.' })
  orderId?: string | null;

  @Field(() => ShipmentStatus, { nullable: true })
  status?: ShipmentStatus | null;

  @Field(() => String, { nullable: true, description: "The carrier's parcel number." })
  parcelNumber?: string | null;
}

export interface ShipmentFilter {
  orderId: string | null;
  status: ShipmentStatus | null;
  parcelNumber: string | null;
}

const PARCEL_NUMBER = /^[A-Za-z0-9-]{1,40}$/;

/** The filter with its values checked (BAD_USER_INPUT naming the field). */
export function checkShipmentFilter(input: ShipmentFilterInput | null | undefined): ShipmentFilter {
  const orderId = input?.orderId ?? null;
  const parcelNumber = input?.parcelNumber ?? null;
  if (orderId !== null && !isUuid(orderId)) throw badUserInput('filter.orderId must be an order id (a UUID).', 'filter.orderId');
  if (parcelNumber !== null && !PARCEL_NUMBER.test(parcelNumber)) throw badUserInput('filter.parcelNumber is not a parcel number (1-40 letters, digits or dashes).', 'filter.parcelNumber');
  return { orderId, status: input?.status ?? null, parcelNumber };
}
