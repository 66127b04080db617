import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { NotificationsContext } from '../context';
import { CustomerMessageTemplateInput, CustomerMessageTemplateObject } from './customer-message-template.object';

@Resolver()
export class CustomerMessageTemplateResolver {
  @Query(() => [CustomerMessageTemplateObject], { description: 'Payment message texts per customer group or company (staff with staff.users).' })
  customerMessageTemplates(@Ctx() ctx: NotificationsContext, @Arg('key', () => String, { nullable: true }) key?: string | null): Promise<CustomerMessageTemplateObject[]> {
    return ctx.services.customerTemplates.list(ctx.viewer, key);
  }

  @Mutation(() => CustomerMessageTemplateObject, { description: "Give a customer group or company its own text of a payment message; refused (BAD_USER_INPUT) when it would not render." })
  saveCustomerMessageTemplate(@Ctx() ctx: NotificationsContext, @Arg('input', () => CustomerMessageTemplateInput) input: CustomerMessageTemplateInput): Promise<CustomerMessageTemplateObject> {
    return ctx.services.customerTemplates.save(ctx.viewer, input);
  }

  @Mutation(() => Boolean, { description: "Remove a customer's own text (its messages use the deployment's again)." })
  deleteCustomerMessageTemplate(@Ctx() ctx: NotificationsContext, @Arg('id', () => ID) id: string): Promise<boolean> {
    return ctx.services.customerTemplates.delete(ctx.viewer, id);
  }
}
