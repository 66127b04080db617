import { Field, ID, InputType } from 'type-graphql';
import { MoneyInput } from '../hold/hold-rule.inputs';

@InputType('OrderingSettingsInput')
export class OrderingSettingsInput {
  @Field(() => ID, { nullable: true, description: 'Staff only: the company; customer admins set their own.' })
  companyId?: string | null;

  @Field()
  requiresApproval: boolean;

  @Field(() => MoneyInput, { nullable: true, description: 'Null: no limit.' })
  approvalLimit?: MoneyInput | null;
}
