import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { WarehouseStockObject } from '../stock/stock.object';
import { OpeningHours, WarehouseEntity } from './store.entity';

@ObjectType('StoreOpeningHours', { description: 'One day of a store\'s week (local time); days not listed are closed.' })
export class StoreOpeningHoursObject {
  @Field(() => Int, { description: '1 Monday … 7 Sunday.' })
  weekday: number;

  @Field({ description: 'HH:MM' })
  opens: string;

  @Field({ description: 'HH:MM' })
  closes: string;
}

@ObjectType('StoreAddress')
export class StoreAddressObject {
  @Field()
  street: string;

  @Field()
  postalCode: string;

  @Field()
  city: string;

  @Field({ description: 'ISO 3166-1 alpha-2.' })
  country: string;
}

@Directive('@key(fields: "code")')
@ObjectType('Store', { description: 'A shop of the distributor (an ERP warehouse flagged as a store): orders can be collected and returns handed in there.' })
export class StoreObject {
  @Field({ description: 'The ERP warehouse code; placeOrder(input: { pickupStoreCode }) takes it.' })
  code: string;

  @Field()
  name: string;

  @Field(() => StoreAddressObject)
  address: StoreAddressObject;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => [StoreOpeningHoursObject])
  openingHours: StoreOpeningHoursObject[];

  @Field(() => WarehouseStockObject, {
    nullable: true,
    description: 'The stock of the product asked for (stores(sku)) in this store, as the stock display policy allows; null when the policy hides stock, no product was asked for, or the store keeps none of it.',
  })
  stock: WarehouseStockObject | null;

  static from(w: WarehouseEntity, stock: WarehouseStockObject | null): StoreObject {
    return Object.assign(new StoreObject(), {
      code: w.code,
      name: w.name,
      address: Object.assign(new StoreAddressObject(), { street: w.street ?? '', postalCode: w.postalCode ?? '', city: w.city ?? '', country: w.country ?? '' }),
      phone: w.phone,
      openingHours: w.openingHours.map((h: OpeningHours) => Object.assign(new StoreOpeningHoursObject(), h)),
      stock,
    });
  }
}
