import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { IntegratorContext } from '../context';
import { OutboxMessageObject, OutboxMessageStatus } from './outbox.objects';

@Resolver(() => OutboxMessageObject)
export class OutboxStaffResolver {
  @Query(() => [OutboxMessageObject], { nullable: true, description: 'Messages to the ERP, newest first; status DEAD is the dead-letter list (staff.sync).' })
  async outboxMessages(
    @Ctx() ctx: IntegratorContext,
    @Arg('status', () => OutboxMessageStatus, { nullable: true }) status?: OutboxMessageStatus | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first = 50,
  ): Promise<OutboxMessageObject[]> {
    return (await ctx.services.outbox.messages(ctx.viewer, status, first)).map((m) => OutboxMessageObject.from(m.source, m.message));
  }

  @Mutation(() => OutboxMessageObject, { description: 'Send a dead-lettered message again.' })
  async resendOutboxMessage(@Arg('id', () => ID) id: string, @Ctx() ctx: IntegratorContext): Promise<OutboxMessageObject> {
    const { source, message } = await ctx.services.outbox.resend(ctx.viewer, id);
    return OutboxMessageObject.from(source, message);
  }
}
