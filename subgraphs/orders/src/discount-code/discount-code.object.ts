import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DecimalScalar, MoneyObject } from '@hub/money';
import { CompanyReference, UserReference } from '../references/reference.objects';
import { DiscountCodeEntity, DiscountCodeUseEntity, DiscountKind } from './discount-code.entity';

@ObjectType('DiscountCodeUse', { description: 'One order that used a code (the usage register).' })
export class DiscountCodeUseObject {
  @Field(() => ID)
  orderId: string;

  @Field(() => CompanyReference)
  company: CompanyReference;

  @Field(() => UserReference, { description: 'Who placed the order.' })
  usedBy: UserReference;

  @Field(() => MoneyObject, { description: 'What the code took off the order.' })
  discount: MoneyObject;

  @Field()
  usedAt: Date;

  static from(use: DiscountCodeUseEntity): DiscountCodeUseObject {
    return Object.assign(new DiscountCodeUseObject(), {
      orderId: use.orderId, company: CompanyReference.of(use.companyId), usedBy: UserReference.of(use.userId), discount: MoneyObject.of(use.amount, use.currency), usedAt: use.usedAt,
    });
  }
}

@ObjectType('DiscountCode', { description: 'A discount code staff generated (staff.orders sees it with its usage register).' })
export class DiscountCodeObject {
  @Field(() => ID)
  id: string;

  @Field()
  code: string;

  @Field(() => ID)
  batchId: string;

  @Field()
  label: string;

  @Field(() => CompanyReference, { nullable: true, description: 'The one company that may use it; null: public.' })
  company: CompanyReference | null;

  @Field(() => DiscountKind)
  kind: DiscountKind;

  @Field(() => DecimalScalar, { nullable: true })
  percent: string | null;

  @Field(() => MoneyObject, { nullable: true })
  amount: MoneyObject | null;

  @Field(() => MoneyObject, { nullable: true })
  minOrderValue: MoneyObject | null;

  @Field(() => Int)
  maxUses: number;

  @Field(() => Int)
  usedCount: number;

  @Field(() => Int)
  remainingUses: number;

  @Field(() => Date, { nullable: true })
  validFrom: Date | null;

  @Field(() => Date, { nullable: true })
  validTo: Date | null;

  @Field()
  createdAt: Date;

  static from(c: DiscountCodeEntity): DiscountCodeObject {
    return Object.assign(new DiscountCodeObject(), {
      id: c.id, code: c.code, batchId: c.batchId, label: c.label, company: c.companyId ? CompanyReference.of(c.companyId) : null, kind: c.kind,
      percent: c.percent, amount: c.amount && c.currency ? MoneyObject.of(c.amount, c.currency) : null,
      minOrderValue: c.minOrderValue && c.currency ? MoneyObject.of(c.minOrderValue, c.currency) : null,
      maxUses: c.maxUses, usedCount: c.usedCount, remainingUses: Math.max(0, c.maxUses - c.usedCount), validFrom: c.validFrom, validTo: c.validTo, createdAt: c.createdAt,
    });
  }
}

@ObjectType('BasketDiscount', { description: 'The code applied to the basket and what it takes off now (or why it would not apply).' })
export class BasketDiscountObject {
  @Field()
  code: string;

  @Field(() => MoneyObject, { nullable: true, description: 'Off the basket value before tax; null while the code does not apply (see problem).' })
  amount: MoneyObject | null;

  @Field(() => MoneyObject, { nullable: true, description: 'The basket value before tax after the discount.' })
  netAfterDiscount: MoneyObject | null;

  @Field(() => String, { nullable: true, description: 'Why the code does not apply to the basket as it is (below its minimum, expired, used up).' })
  problem: string | null;
}

@ObjectType('OrderDiscount', { description: 'A discount line of an order: a discount code or a loyalty reward, as it went to the ERP.' })
export class OrderDiscountObject {
  @Field({ description: 'CODE or LOYALTY.' })
  kind: string;

  @Field({ description: 'The code, or the loyalty redemption id.' })
  reference: string;

  @Field()
  description: string;

  @Field(() => MoneyObject, { description: 'Off the order value before tax.' })
  amount: MoneyObject;
}
