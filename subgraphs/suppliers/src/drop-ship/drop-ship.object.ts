import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '@hub/money';
import { DropShipAssignmentEntity, DropShipOrderEntity } from './drop-ship.entity';
import { DropShipOrderStatus } from './drop-ship-status';

@ObjectType('DropShipAssignment', { description: 'A product group whose products one supplier ships straight to the customer.' })
export class DropShipAssignmentObject {
  @Field({ description: "The ERP's product group (web category code)." })
  productGroup: string;

  @Field(() => String, { nullable: true })
  productGroupName: string | null;

  supplierId: string | null;

  @Field()
  assignedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the ERP took the assignment; null while it is on its way.' })
  inErpSince: Date | null;

  @Field(() => String, { nullable: true })
  statusReason: string | null;

  static from(e: DropShipAssignmentEntity, productGroupName: string | null): DropShipAssignmentObject {
    return Object.assign(new DropShipAssignmentObject(), {
      productGroup: e.productGroup, productGroupName, supplierId: e.supplierId, assignedAt: e.assignedAt, inErpSince: e.inErpSince, statusReason: e.statusReason,
    });
  }
}

@ObjectType('DropShipAddress', { description: "The customer's delivery address: all a supplier learns of the customer." })
export class DropShipAddressObject {
  @Field()
  name: string;

  @Field()
  street: string;

  @Field()
  postalCode: string;

  @Field()
  city: string;

  @Field()
  country: string;
}

@ObjectType('DropShipLine')
export class DropShipLineObject {
  @Field(() => Int)
  lineNo: number;

  @Field()
  sku: string;

  @Field(() => DecimalScalar)
  quantity: string;
}

@Directive('@key(fields: "id")')
@ObjectType('DropShipOrder', { description: 'Lines of a customer order the ERP routed to the supplier that ships them; it carries the delivery address and nothing else of the customer.' })
export class DropShipOrderObject {
  @Field(() => ID)
  id: string;

  @Field({ description: "The ERP's drop-ship order number." })
  number: string;

  supplierId: string;

  @Field(() => DropShipOrderStatus)
  status: DropShipOrderStatus;

  @Field(() => DropShipAddressObject)
  deliveryAddress: DropShipAddressObject;

  @Field(() => [DropShipLineObject])
  lines: DropShipLineObject[];

  @Field(() => String, { nullable: true })
  carrier: string | null;

  @Field(() => String, { nullable: true })
  parcelNumber: string | null;

  @Field(() => Date, { nullable: true })
  confirmedAt: Date | null;

  @Field(() => Date, { nullable: true })
  shippedAt: Date | null;

  @Field(() => String, { nullable: true, description: "The customer's delivery note the ERP issued for the parcel." })
  deliveryNumber: string | null;

  @Field(() => String, { nullable: true })
  statusReason: string | null;

  @Field()
  createdAt: Date;

  static from(e: DropShipOrderEntity): DropShipOrderObject {
    return Object.assign(new DropShipOrderObject(), {
      id: e.id, number: e.erpNumber, supplierId: e.supplierId, status: e.status,
      deliveryAddress: Object.assign(new DropShipAddressObject(), e.deliveryAddress),
      lines: e.lines.map((l) => Object.assign(new DropShipLineObject(), { lineNo: l.lineNo, sku: l.sku, quantity: l.quantity })),
      carrier: e.carrier, parcelNumber: e.parcelNumber, confirmedAt: e.confirmedAt, shippedAt: e.shippedAt, deliveryNumber: e.deliveryNumber, statusReason: e.statusReason, createdAt: e.createdAt,
    });
  }
}
