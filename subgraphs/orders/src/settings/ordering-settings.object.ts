import { Field, ObjectType } from 'type-graphql';
import { MoneyObject } from '@hub/money';
import { CompanyReference } from '../references/reference.objects';
import { OrderingSettingsEntity } from './ordering-settings.entity';

@ObjectType('OrderingSettings', { description: 'How a company orders: whether it takes orders for approval, and above which value even buyers need it.' })
export class OrderingSettingsObject {
  @Field(() => CompanyReference)
  company: CompanyReference;

  @Field({ description: 'Users without orders.place (with orders.submit) submit orders for a coworker\'s approval (orders.approve).' })
  requiresApproval: boolean;

  @Field(() => MoneyObject, { nullable: true, description: 'Orders above this (before tax) need a coworker\'s approval, even from users with orders.place.' })
  approvalLimit: MoneyObject | null;

  static from(companyId: string, settings: OrderingSettingsEntity | null): OrderingSettingsObject {
    return Object.assign(new OrderingSettingsObject(), {
      company: CompanyReference.of(companyId),
      requiresApproval: settings?.requiresApproval ?? false,
      approvalLimit: settings?.approvalLimit && settings.approvalLimitCurrency ? MoneyObject.of(settings.approvalLimit, settings.approvalLimitCurrency) : null,
    });
  }
}
