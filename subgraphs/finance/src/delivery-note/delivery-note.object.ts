import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Decimal, DecimalScalar } from '@hub/money';
import { erpEntityId } from '@hub/erp-ids';
import { ProductReference } from './product-reference.object';
import { CompanyReference } from '../company/company-reference.object';
import { OrderReference } from '../order/order-reference.object';
import { DeliveryNoteEntity } from './delivery-note.entity';

@ObjectType('DeliveryNoteLine')
export class DeliveryNoteLineObject {
  @Field(() => Int)
  lineNo: number;

  @Field()
  sku: string;

  @Field(() => DecimalScalar, { description: 'As delivered, in sales units.' })
  quantity: Decimal;

  @Field(() => [String], { nullable: true, description: "The units' serial numbers, for products the ERP tracks by serial (null otherwise); a return of them names which." })
  serialNumbers: string[] | null;

  @Field(() => ProductReference, { description: 'The product delivered (its hub id comes from the SKU).' })
  product: ProductReference;
}

@Directive('@key(fields: "id")')
@ObjectType('DeliveryNote', { description: 'A delivery note (shipment) the ERP issued for an order.' })
export class DeliveryNoteObject {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Delivery note number in the ERP.' })
  number: string;

  @Field()
  shippedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the goods arrived; null while on the way.' })
  deliveredAt: Date | null;

  @Field()
  carrier: string;

  @Field()
  trackingNumber: string;

  @Field(() => [DeliveryNoteLineObject])
  lines: DeliveryNoteLineObject[];

  @Field(() => CompanyReference)
  company: CompanyReference;

  @Field(() => OrderReference, { nullable: true, description: 'The order delivered, when the hub knows it.' })
  order: OrderReference | null;

  static from(entity: DeliveryNoteEntity): DeliveryNoteObject {
    return Object.assign(new DeliveryNoteObject(), {
      id: entity.id,
      number: entity.number,
      shippedAt: entity.shippedAt,
      deliveredAt: entity.deliveredAt,
      carrier: entity.carrier,
      trackingNumber: entity.trackingNumber,
      lines: entity.lines.map((l) =>
        Object.assign(new DeliveryNoteLineObject(), { lineNo: l.lineNo, sku: l.sku, quantity: new Decimal(l.quantity), serialNumbers: l.serialNumbers ?? null, product: ProductReference.of(erpEntityId('product', l.sku)) }),
      ),
      company: CompanyReference.of(entity.companyId),
      order: entity.orderId ? OrderReference.of(entity.orderId) : null,
    });
  }
}
