import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DecimalScalar, MoneyObject } from '@hub/money';
import { LoyaltyEntryEntity, LoyaltyEntryKind, LoyaltyRedemptionEntity, LoyaltyRedemptionStatus, LoyaltyRewardEntity, LoyaltyRewardKind, LoyaltyRuleEntity, LoyaltyRuleKind } from './loyalty.entity';

@ObjectType('LoyaltyRule')
export class LoyaltyRuleObject {
  @Field(() => ID) id: string;
  @Field(() => LoyaltyRuleKind) kind: LoyaltyRuleKind;
  @Field(() => String, { nullable: true }) sku: string | null;
  @Field(() => String, { nullable: true }) productGroup: string | null;
  @Field(() => DecimalScalar) points: string;
  @Field(() => MoneyObject, { nullable: true }) perAmount: MoneyObject | null;
  @Field() active: boolean;
  @Field({ description: 'Invoices issued from then on earn by it.' }) activeFrom: Date;

  static from(r: LoyaltyRuleEntity): LoyaltyRuleObject {
    return Object.assign(new LoyaltyRuleObject(), {
      id: r.id, kind: r.kind, sku: r.sku, productGroup: r.productGroup, points: r.points, perAmount: r.perAmount && r.currency ? MoneyObject.of(r.perAmount, r.currency) : null, active: r.active, activeFrom: r.activeFrom,
    });
  }
}

@ObjectType('LoyaltyReward')
export class LoyaltyRewardObject {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => LoyaltyRewardKind) kind: LoyaltyRewardKind;
  @Field(() => Int) pointsCost: number;
  @Field(() => String, { nullable: true }) sku: string | null;
  @Field(() => Int, { nullable: true }) quantity: number | null;
  @Field(() => MoneyObject, { nullable: true }) discount: MoneyObject | null;
  @Field() active: boolean;

  static from(r: LoyaltyRewardEntity): LoyaltyRewardObject {
    return Object.assign(new LoyaltyRewardObject(), {
      id: r.id, name: r.name, kind: r.kind, pointsCost: r.pointsCost, sku: r.sku, quantity: r.quantity, discount: r.amount && r.currency ? MoneyObject.of(r.amount, r.currency) : null, active: r.active,
    });
  }
}

@ObjectType('LoyaltyEntry', { description: 'A movement of points: earned on an invoice, taken back for a credit note, or spent on a reward.' })
export class LoyaltyEntryObject {
  @Field(() => ID) id: string;
  @Field(() => LoyaltyEntryKind) kind: LoyaltyEntryKind;
  @Field(() => Int, { description: 'Signed.' }) points: number;
  @Field() description: string;
  @Field(() => String, { nullable: true, description: 'The invoice or credit note number.' }) documentNumber: string | null;
  @Field(() => ID, { nullable: true }) orderId: string | null;
  @Field(() => ID, { nullable: true }) redemptionId: string | null;
  @Field() at: Date;

  static from(e: LoyaltyEntryEntity): LoyaltyEntryObject {
    return Object.assign(new LoyaltyEntryObject(), { id: e.id, kind: e.kind, points: e.points, description: e.description, documentNumber: e.documentNumber, orderId: e.orderId, redemptionId: e.redemptionId, at: e.at });
  }
}

@ObjectType('LoyaltyRedemption', { description: 'Points spent on a reward: a product ordered free of charge, or a discount on the next order.' })
export class LoyaltyRedemptionObject {
  @Field(() => ID) id: string;
  @Field(() => ID) rewardId: string;
  @Field() rewardName: string;
  @Field(() => LoyaltyRewardKind) kind: LoyaltyRewardKind;
  @Field(() => Int) points: number;
  @Field(() => MoneyObject, { nullable: true, description: 'DISCOUNT: the amount off the next order.' }) discount: MoneyObject | null;
  @Field(() => LoyaltyRedemptionStatus) status: LoyaltyRedemptionStatus;
  @Field(() => ID, { nullable: true, description: 'The order that ships the product, or that the discount was applied to.' }) orderId: string | null;
  @Field() createdAt: Date;

  static from(r: LoyaltyRedemptionEntity): LoyaltyRedemptionObject {
    return Object.assign(new LoyaltyRedemptionObject(), {
      id: r.id, rewardId: r.rewardId, rewardName: r.rewardName, kind: r.kind, points: r.points, discount: r.amount && r.currency ? MoneyObject.of(r.amount, r.currency) : null, status: r.status, orderId: r.orderId, createdAt: r.createdAt,
    });
  }
}

@ObjectType('LoyaltyAccount', { description: "A company's points: balance, history (newest first) and discounts waiting for the next order." })
export class LoyaltyAccountObject {
  @Field(() => ID) companyId: string;
  @Field(() => Int) balance: number;
  @Field(() => [LoyaltyEntryObject]) history: LoyaltyEntryObject[];
  @Field(() => [LoyaltyRedemptionObject], { description: 'Redeemed discounts not applied to an order yet.' }) openDiscounts: LoyaltyRedemptionObject[];
}
