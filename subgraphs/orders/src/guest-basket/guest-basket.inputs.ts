import { Field, InputType, Int } from 'type-graphql';
import { GuestDeliveryMethod } from './guest-delivery-cost';
import { PaymentCardInput } from '../order/order.inputs';

@InputType('GuestAddressInput')
export class GuestAddressInput {
  @Field()
  street: string;

  @Field()
  postalCode: string;

  @Field()
  city: string;

  @Field({ description: 'ISO 3166 two-letter code.' })
  country: string;
}

@InputType('GuestCheckoutInput', { description: 'Who the guest is, how the order reaches them, and the card it is prepaid with.' })
export class GuestCheckoutInput {
  @Field()
  name: string;

  @Field()
  email: string;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => GuestDeliveryMethod)
  deliveryMethod: GuestDeliveryMethod;

  @Field(() => GuestAddressInput, { nullable: true, description: 'For DELIVERY.' })
  address?: GuestAddressInput | null;

  @Field(() => String, { nullable: true, description: 'For STORE_PICKUP: the store (see stores).' })
  pickupStoreCode?: string | null;

  @Field(() => PaymentCardInput)
  card: PaymentCardInput;

  @Field(() => String, { nullable: true, description: 'Where the guest comes back to after a 3-D Secure step.' })
  returnUrl?: string | null;
}
