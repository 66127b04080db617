import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { NotificationsContext } from '../context';
import { MessageTemplateInput, MessageTemplateObject } from './message-template.object';

@Resolver()
export class MessageTemplateResolver {
  @Query(() => [MessageTemplateObject], { description: 'Every template per language (staff with staff.users).' })
  messageTemplates(@Ctx() ctx: NotificationsContext, @Arg('key', () => String, { nullable: true }) key?: string | null): Promise<MessageTemplateObject[]> {
    return ctx.services.templates.list(ctx.viewer, key);
  }

  @Mutation(() => MessageTemplateObject, { description: 'Override a template in one language; refused (BAD_USER_INPUT) when it would not render.' })
  saveMessageTemplate(@Ctx() ctx: NotificationsContext, @Arg('input', () => MessageTemplateInput) input: MessageTemplateInput): Promise<MessageTemplateObject> {
    return ctx.services.templates.save(ctx.viewer, input);
  }
}
