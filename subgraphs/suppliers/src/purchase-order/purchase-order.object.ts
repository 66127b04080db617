import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Decimal, DecimalScalar, MoneyObject, roundMoney } from '@hub/money';
import { ProductReference } from '../product/product-reference.object';
import { PurchaseOrderEntity, PurchaseOrderEventEntity, PurchaseOrderLineEntity } from './purchase-order.entity';
import { PurchaseOrderLineStatus, PurchaseOrderStatus } from './purchase-order-status';

/** `supplier`, `lines` and `timeline` are field resolvers (PurchaseOrderResolver). */
@Directive('@key(fields: "id")')
@ObjectType('PurchaseOrder', { description: 'A purchase order with one supplier; both sides see its status and timeline.' })
export class PurchaseOrderObject {
  @Field(() => ID)
  id: string;

  @Field()
  number: string;

  supplierId: string;

  @Field(() => ID, { nullable: true, description: 'The request for quotation it came from.' })
  rfqId: string | null;

  @Field()
  currency: string;

  @Field(() => PurchaseOrderStatus)
  status: PurchaseOrderStatus;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field(() => String, { nullable: true, description: "The ERP's purchase order number, once the ERP has it." })
  erpNumber: string | null;

  @Field(() => String, { nullable: true, description: 'Why it is stuck on the way to the ERP.' })
  statusReason: string | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  static from(e: PurchaseOrderEntity): PurchaseOrderObject {
    return Object.assign(new PurchaseOrderObject(), {
      id: e.id, number: e.number, supplierId: e.supplierId, rfqId: e.rfqId, currency: e.currency, status: e.status, note: e.note, erpNumber: e.erpNumber,
      statusReason: e.statusReason, createdAt: e.createdAt, updatedAt: e.updatedAt,
    });
  }
}

@ObjectType('PurchaseOrderProposal', { description: "The supplier's proposed change to a line, for the buyer to accept or reject." })
export class PurchaseOrderProposalObject {
  @Field(() => DecimalScalar)
  quantity: string;

  @Field(() => MoneyObject)
  unitPrice: MoneyObject;

  @Field()
  deliveryDate: string;

  @Field(() => String, { nullable: true })
  note: string | null;
}

@ObjectType('PurchaseOrderLine')
export class PurchaseOrderLineObject {
  @Field(() => Int)
  lineNo: number;

  @Field(() => ProductReference)
  product: ProductReference;

  @Field()
  sku: string;

  @Field(() => DecimalScalar)
  quantity: string;

  @Field(() => MoneyObject)
  unitPrice: MoneyObject;

  @Field(() => MoneyObject, { description: 'Quantity × unit price, rounded to the currency.' })
  lineTotal: MoneyObject;

  @Field({ description: 'YYYY-MM-DD.' })
  deliveryDate: string;

  @Field(() => PurchaseOrderLineStatus)
  status: PurchaseOrderLineStatus;

  @Field(() => PurchaseOrderProposalObject, { nullable: true, description: 'Set while the line is CHANGE_PROPOSED.' })
  proposal: PurchaseOrderProposalObject | null;

  @Field(() => DecimalScalar, { description: "From the ERP's goods receipts." })
  receivedQuantity: string;

  static from(e: PurchaseOrderLineEntity, currency: string): PurchaseOrderLineObject {
    const proposal = e.proposedQuantity !== null
      ? Object.assign(new PurchaseOrderProposalObject(), { quantity: new Decimal(e.proposedQuantity).toFixed(), unitPrice: MoneyObject.of(e.proposedUnitPrice!, currency), deliveryDate: e.proposedDeliveryDate!, note: e.proposalNote })
      : null;
    return Object.assign(new PurchaseOrderLineObject(), {
      lineNo: e.lineNo, product: ProductReference.of(e.productId), sku: e.sku, quantity: new Decimal(e.quantity).toFixed(), unitPrice: MoneyObject.of(e.unitPrice, currency),
      lineTotal: MoneyObject.of(roundMoney(new Decimal(e.quantity).mul(e.unitPrice), currency), currency), deliveryDate: e.deliveryDate, status: e.status, proposal, receivedQuantity: new Decimal(e.receivedQuantity).toFixed(),
    });
  }
}

@ObjectType('PurchaseOrderEvent', { description: 'One step on the timeline: who did what, when.' })
export class PurchaseOrderEventObject {
  @Field()
  at: Date;

  @Field({ description: 'SENT, IN_ERP, LINE_CONFIRMED, CHANGE_PROPOSED, CHANGE_ACCEPTED, CHANGE_REJECTED, CONFIRMED, CONFIRMED_IN_ERP, STATUS, ERP_REFUSED.' })
  kind: string;

  @Field(() => Int, { nullable: true })
  lineNo: number | null;

  @Field()
  text: string;

  @Field({ description: 'BUYER, SUPPLIER or ERP.' })
  by: string;

  static from(e: PurchaseOrderEventEntity): PurchaseOrderEventObject {
    return Object.assign(new PurchaseOrderEventObject(), { at: e.at, kind: e.kind, lineNo: e.lineNo, text: e.text, by: e.by });
  }
}
