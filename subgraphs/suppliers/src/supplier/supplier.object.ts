import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { SupplierEntity } from './supplier.entity';

/** `email` and `offers` are field resolvers (SupplierResolver) that check who is asking. */
@Directive('@key(fields: "id")')
@ObjectType('Supplier', { description: 'A supplier (an ERP creditor account).' })
export class SupplierObject {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field({ description: 'ISO 3166 country code.' })
  country: string;

  /** Not a field: served by the `email` field resolver to staff and the supplier's own users only. */
  contactEmail: string;

  static from(entity: SupplierEntity): SupplierObject {
    return Object.assign(new SupplierObject(), {
      id: entity.id,
      name: entity.name,
      country: entity.country,
      contactEmail: entity.email,
    });
  }
}
