import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { FinanceContext } from '../context';
import { CreditNoteObject } from './credit-note.object';

@Resolver(() => CreditNoteObject)
export class CreditNoteResolver {
  @Query(() => [CreditNoteObject], { nullable: true, description: "Your company's credit notes, newest first (staff: every company's). Needs invoices.view." })
  async creditNotes(
    @Arg('first', () => Int, { nullable: true, defaultValue: 50, description: 'At most this many (1-200).' }) first: number | null,
    @Ctx() ctx: FinanceContext,
  ): Promise<CreditNoteObject[]> {
    return (await ctx.services.creditNotes.list(first)).map(CreditNoteObject.from);
  }

  @Query(() => CreditNoteObject, { nullable: true, description: 'A credit note of your company by its number (staff: any). Needs invoices.view.' })
  async creditNote(@Arg('number') number: string, @Ctx() ctx: FinanceContext): Promise<CreditNoteObject> {
    return CreditNoteObject.from(await ctx.services.creditNotes.get(number));
  }
}
