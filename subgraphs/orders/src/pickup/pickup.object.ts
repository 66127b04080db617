import { Field, ObjectType } from 'type-graphql';
import { StoreReference } from '../references/reference.objects';

@ObjectType('OrderPickup', { description: 'An order collected in a store instead of delivered.' })
export class OrderPickupObject {
  @Field({ description: 'The store (its code, as in `stores`).' })
  storeCode: string;

  @Field(() => StoreReference, { nullable: true, description: 'The store: address, opening hours, phone (null once the ERP no longer has it as a store).' })
  store: StoreReference;

  @Field(() => String, {
    nullable: true,
    description: "The code to show at the store's counter: to the ordering company's users only, while the order is READY_FOR_PICKUP.",
  })
  pickupCode: string | null;

  @Field(() => Date, { nullable: true, description: 'When the store handed it over.' })
  handedOverAt: Date | null;
}
