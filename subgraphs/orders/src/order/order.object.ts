import { LineConfigurationObject } from '../configured-item/line-configuration.object';
import { PaymentMethod } from './order-payment-method';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Decimal, DecimalScalar, MoneyObject } from '@hub/money';
import { PageInfo } from '@hub/subgraph-kit';
import { CompanyReference, ProductReference, UserReference } from '../references/reference.objects';
import { HoldReason, OrderEntity, QuotePriceChange } from './order.entity';
import { OrderLineEntity } from './order-line.entity';
import { OrderEventSource, OrderStatus } from './order-status';
import { LineCorrection, OrderStatusEventEntity } from './order-status-event.entity';

@ObjectType('OrderLine', { description: 'An order line as placed, or as the ERP holds it (it may split a line by warehouse or into a back order).' })
export class OrderLineObject {
  @Field(() => Int)
  lineNo: number;

  @Field(() => Int, { nullable: true, description: 'The line of the order as placed that this line (or part of it) fulfils; null for lines the ERP added.' })
  orderedLineNo: number | null;

  @Field(() => ProductReference)
  product: ProductReference;

  @Field({ description: 'SKU as ordered.' })
  sku: string;

  @Field(() => DecimalScalar)
  quantity: string;

  @Field(() => MoneyObject)
  unitPrice: MoneyObject;

  @Field(() => MoneyObject)
  lineTotal: MoneyObject;

  @Field(() => String, { nullable: true, description: 'The warehouse the ERP ships it from.' })
  warehouseCode: string | null;

  @Field({ description: 'True for the part the ERP back-ordered (waiting for stock).' })
  backOrdered: boolean;

  @Field(() => String, { nullable: true, description: 'The delivery date the ERP promises for it (YYYY-MM-DD).' })
  deliveryDate: string | null;

  @Field(() => LineConfigurationObject, { nullable: true, description: 'A configured product\'s options as ordered (P7); null for other products.' })
  configuration: LineConfigurationObject | null;

  static from(line: OrderLineEntity, currency: string): OrderLineObject {
    return Object.assign(new OrderLineObject(), {
      lineNo: line.lineNo,
      orderedLineNo: line.orderedLineNo ?? null,
      product: ProductReference.of(line.productId),
      sku: line.sku,
      quantity: new Decimal(line.quantity).toFixed(),
      unitPrice: MoneyObject.of(line.unitPrice, currency),
      lineTotal: MoneyObject.of(line.lineTotal, currency),
      warehouseCode: line.warehouseCode ?? null,
      backOrdered: line.backOrdered ?? false,
      deliveryDate: line.deliveryDate ?? null,
      configuration: LineConfigurationObject.of(line.configuration ?? null),
    });
  }
}

@ObjectType('HoldReason', { description: 'Why the hold rules held an order for review.' })
export class HoldReasonObject {
  @Field({ description: 'The kind of rule (see HoldRuleKind).' })
  kind: string;

  @Field()
  message: string;

  static from(reason: HoldReason): HoldReasonObject {
    return Object.assign(new HoldReasonObject(), { kind: reason.kind, message: reason.message });
  }
}

@ObjectType('QuotePriceChange', { description: 'A line priced differently from its quote.' })
export class QuotePriceChangeObject {
  @Field(() => Int)
  lineNo: number;

  @Field()
  sku: string;

  @Field(() => MoneyObject)
  quotedUnitPrice: MoneyObject;

  @Field(() => MoneyObject)
  unitPrice: MoneyObject;

  static from(change: QuotePriceChange, currency: string): QuotePriceChangeObject {
    return Object.assign(new QuotePriceChangeObject(), {
      lineNo: change.lineNo,
      sku: change.sku,
      quotedUnitPrice: MoneyObject.of(change.quotedUnitPrice, currency),
      unitPrice: MoneyObject.of(change.unitPrice, currency),
    });
  }
}

@ObjectType('OrderLineState', { description: 'An ordered line at one moment: its item, total quantity and unit price.' })
export class OrderLineStateObject {
  @Field()
  sku: string;

  @Field(() => DecimalScalar)
  quantity: string;

  @Field(() => MoneyObject)
  unitPrice: MoneyObject;
}

@ObjectType('OrderLineCorrection', { description: "A change the ERP's operator made to an ordered line: before and after (null: added or removed)." })
export class OrderLineCorrectionObject {
  @Field({ description: 'When the hub learnt of it.' })
  at: Date;

  @Field(() => Int, { description: 'The ordered line (see OrderLine.orderedLineNo).' })
  lineNo: number;

  @Field(() => OrderLineStateObject, { nullable: true })
  before: OrderLineStateObject | null;

  @Field(() => OrderLineStateObject, { nullable: true })
  after: OrderLineStateObject | null;

  static from(at: Date, correction: LineCorrection, currency: string): OrderLineCorrectionObject {
    const state = (s: LineCorrection['before']) =>
      s ? Object.assign(new OrderLineStateObject(), { sku: s.sku, quantity: s.quantity, unitPrice: MoneyObject.of(s.unitPrice, currency) }) : null;
    return Object.assign(new OrderLineCorrectionObject(), { at, lineNo: correction.lineNo, before: state(correction.before), after: state(correction.after) });
  }
}

@ObjectType('OrderStatusEvent', { description: "An entry of an order's timeline: a status change or an ERP correction, when, and who or what caused it." })
export class OrderStatusEventObject {
  @Field()
  at: Date;

  @Field(() => OrderStatus, { description: 'The status after it.' })
  status: OrderStatus;

  @Field(() => OrderStatus, { nullable: true })
  previousStatus: OrderStatus | null;

  @Field(() => OrderEventSource)
  source: OrderEventSource;

  @Field(() => UserReference, { nullable: true, description: 'The user who did it; null for the ERP and the hold rules.' })
  by: UserReference | null;

  @Field(() => String, { nullable: true, description: 'The reason or note given (a rejection, the ERP\'s refusal, an approval note).' })
  reason: string | null;

  @Field(() => [HoldReasonObject], { description: 'HOLD_RULES: why the rules held the order.' })
  holdReasons: HoldReasonObject[];

  @Field(() => [OrderLineCorrectionObject], { description: 'ERP_CORRECTION: the lines the ERP operator changed.' })
  corrections: OrderLineCorrectionObject[];

  static from(event: OrderStatusEventEntity, currency: string): OrderStatusEventObject {
    return Object.assign(new OrderStatusEventObject(), {
      at: event.at,
      status: event.status,
      previousStatus: event.previousStatus ?? null,
      source: event.source,
      by: event.actorUserId ? UserReference.of(event.actorUserId) : null,
      reason: event.reason ?? null,
      holdReasons: (event.details?.holdReasons ?? []).map(HoldReasonObject.from),
      corrections: (event.details?.corrections ?? []).map((c) => OrderLineCorrectionObject.from(event.at, c, currency)),
    });
  }
}

@Directive('@key(fields: "id")')
@ObjectType('Order', { description: "A customer's order." })
export class OrderObject {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Order number as printed on documents: the web reference until the ERP confirms it, then the ERP\'s.' })
  number: string;

  @Field(() => String, { nullable: true, description: "The ERP's order number, once the ERP has the order." })
  erpNumber: string | null;

  @Field(() => OrderStatus)
  status: OrderStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Why it is REJECTED (the reason given) or ERP_REFUSED (the ERP\'s reason), or why it waits; null otherwise. ON_HOLD: see holdReasons.',
  })
  statusReason: string | null;

  @Field(() => [HoldReasonObject], { description: 'Why the hold rules held it (while ON_HOLD, and after staff decided).' })
  holdReasons: HoldReasonObject[];

  @Field()
  placedAt: Date;

  @Field(() => MoneyObject, { description: 'Total before tax.' })
  total: MoneyObject;

  @Field(() => MoneyObject, { nullable: true, description: "Tax at the company's ERP rate; null when unknown (orders entered in the ERP, no rate)." })
  taxTotal: MoneyObject | null;

  @Field(() => MoneyObject, { nullable: true, description: 'Total with tax; null when the tax is unknown.' })
  totalWithTax: MoneyObject | null;

  @Field(() => String, { nullable: true, description: "The company's ERP delivery address (its code) it goes to; null: the default." })
  deliveryAddressCode: string | null;

  @Field(() => ID, { nullable: true, description: "The company's branch it is for." })
  branchId: string | null;

  @Field(() => String, { nullable: true, description: "The customer's own reference (PO number)." })
  customerReference: string | null;

  @Field(() => String, { nullable: true })
  notes: string | null;

  @Field(() => String, { nullable: true, description: 'The delivery date the ERP promises (YYYY-MM-DD).' })
  deliveryDate: string | null;

  @Field(() => [QuotePriceChangeObject], { description: 'Placed from a quote after it expired: the lines whose price changed since the quote.' })
  quotePriceChanges: QuotePriceChangeObject[];

  @Field(() => CompanyReference)
  company: CompanyReference;

  @Field(() => UserReference, { nullable: true, description: 'The user who placed (or submitted) the order on the web; null for orders entered in the ERP (or a user you may not see).' })
  placedBy: UserReference | null;

  @Field({ description: "True when the distributor's staff placed the order while signed in as placedBy." })
  placedOnBehalf: boolean;

  /** The staff user behind placedOnBehalf (OrderResolver.placedOnBehalfBy shows it to staff only). */
  placedByActorId: string | null;

  quoteId: string | null;
  currency: string;
  /** For Order.delivery (OrderDeliveryResolver). */
  delivery: OrderEntity['delivery'];
  /** For Order.pickup (PickupResolver). */
  pickupStoreCode: string | null;

  @Field(() => PaymentMethod, { nullable: true, description: "How it is paid; null: on the company's account terms." })
  paymentMethod: PaymentMethod | null;
  pickupCode: string | null;
  handedOverAt: Date | null;

  static from(order: OrderEntity): OrderObject {
    const tax = order.taxTotal === null || order.taxTotal === undefined ? null : new Decimal(order.taxTotal);
    return Object.assign(new OrderObject(), {
      id: order.id,
      number: order.number,
      erpNumber: order.erpNumber ?? null,
      status: order.status,
      statusReason: order.statusReason ?? null,
      holdReasons: (order.holdReasons ?? []).map(HoldReasonObject.from),
      placedAt: order.placedAt,
      total: MoneyObject.of(order.total, order.currency),
      taxTotal: tax ? MoneyObject.of(tax, order.currency) : null,
      totalWithTax: tax ? MoneyObject.of(tax.plus(order.total), order.currency) : null,
      deliveryAddressCode: order.deliveryAddressCode ?? null,
      branchId: order.branchId ?? null,
      customerReference: order.customerReference ?? null,
      notes: order.notes ?? null,
      deliveryDate: order.deliveryDate ?? null,
      quotePriceChanges: (order.quotePriceChanges ?? []).map((c) => QuotePriceChangeObject.from(c, order.currency)),
      company: CompanyReference.of(order.companyId),
      placedBy: order.placedByUserId ? UserReference.of(order.placedByUserId) : null,
      placedOnBehalf: order.placedByActorId !== null && order.placedByActorId !== undefined,
      placedByActorId: order.placedByActorId ?? null,
      quoteId: order.quoteId ?? null,
      currency: order.currency,
      delivery: order.delivery ?? null,
      pickupStoreCode: order.pickupStoreCode ?? null,
      paymentMethod: (order.paymentMethod as PaymentMethod | null) ?? null,
      pickupCode: order.pickupCode ?? null,
      handedOverAt: order.handedOverAt ?? null,
    });
  }
}

@ObjectType('OrderEdge')
export class OrderEdge {
  @Field()
  cursor: string;

  @Field(() => OrderObject)
  node: OrderObject;
}

@ObjectType('OrderConnection', { description: 'A page of orders, newest first (Relay connection).' })
export class OrderConnection {
  @Field(() => [OrderEdge])
  edges: OrderEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  /** Resolved by OrderConnectionResolver.totalCount, only when asked for. */
  count: () => Promise<number>;
}
