import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Decimal, DecimalScalar, MoneyObject } from '@hub/money';
import { ProductReference } from '../product/product-reference.object';
import { RfqAnswerEntity, RfqEntity, RfqLineEntity } from './rfq.entity';
import { RfqStatus } from './rfq-status';

@Directive('@key(fields: "id")')
@ObjectType('Rfq', { description: 'A request for quotation: items, quantities and a delivery date, sent to several suppliers with a deadline.' })
export class RfqObject {
  @Field(() => ID)
  id: string;

  @Field()
  number: string;

  @Field()
  title: string;

  @Field({ description: 'The day the goods are wanted (YYYY-MM-DD).' })
  deliveryDate: string;

  @Field({ description: 'Answers are taken until then.' })
  deadline: Date;

  @Field()
  currency: string;

  @Field(() => RfqStatus)
  status: RfqStatus;

  @Field({ description: 'True while the RFQ is OPEN and its deadline has not passed.' })
  acceptsAnswers: boolean;

  @Field()
  createdAt: Date;

  static from(e: RfqEntity, acceptsAnswers: boolean): RfqObject {
    return Object.assign(new RfqObject(), {
      id: e.id, number: e.number, title: e.title, deliveryDate: e.deliveryDate, deadline: e.deadline, currency: e.currency, status: e.status, acceptsAnswers, createdAt: e.createdAt,
    });
  }
}

@ObjectType('RfqLine')
export class RfqLineObject {
  @Field(() => Int)
  lineNo: number;

  @Field(() => ProductReference)
  product: ProductReference;

  @Field()
  sku: string;

  @Field(() => DecimalScalar)
  quantity: string;

  static from(e: RfqLineEntity): RfqLineObject {
    return Object.assign(new RfqLineObject(), { lineNo: e.lineNo, product: ProductReference.of(e.productId), sku: e.sku, quantity: new Decimal(e.quantity).toFixed() });
  }
}

/** `supplier` is a field resolver (RfqAnswerResolver). */
@ObjectType('RfqAnswer', { description: "A supplier's answer to one line: price, lead time, conditions." })
export class RfqAnswerObject {
  supplierId: string;

  @Field(() => Int)
  lineNo: number;

  @Field(() => MoneyObject)
  unitPrice: MoneyObject;

  @Field(() => Int)
  leadTimeDays: number;

  @Field(() => String, { nullable: true })
  conditions: string | null;

  @Field()
  answeredAt: Date;

  static from(e: RfqAnswerEntity, currency: string): RfqAnswerObject {
    return Object.assign(new RfqAnswerObject(), {
      supplierId: e.supplierId, lineNo: e.lineNo, unitPrice: MoneyObject.of(e.unitPrice, currency), leadTimeDays: e.leadTimeDays, conditions: e.conditions, answeredAt: e.answeredAt,
    });
  }
}

@ObjectType('RfqLineComparison', { description: 'One line side by side: every answer (cheapest first), the cheapest and the fastest.' })
export class RfqLineComparisonObject {
  @Field(() => Int)
  lineNo: number;

  @Field(() => [RfqAnswerObject])
  answers: RfqAnswerObject[];

  @Field(() => RfqAnswerObject, { nullable: true, description: 'Lowest price (equal prices: the shorter lead time); null when nobody answered.' })
  cheapest: RfqAnswerObject | null;

  @Field(() => RfqAnswerObject, { nullable: true, description: 'Shortest lead time (equal lead times: the lower price).' })
  fastest: RfqAnswerObject | null;
}
