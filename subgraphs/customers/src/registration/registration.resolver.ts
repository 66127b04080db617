import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CustomersContext } from '../context';
import { ApproveRegistrationInput, RegistrationInput } from './registration.inputs';
import { RegistrationStatus } from './registration.entity';
import { DuplicateCandidateObject, RegistrationObject, RegistrationReceiptObject } from './registration.objects';

@Resolver(() => RegistrationObject)
export class RegistrationResolver {
  @Mutation(() => RegistrationReceiptObject, { description: 'Public: ask for a customer account; it waits for staff approval.' })
  async register(@Arg('input', () => RegistrationInput) input: RegistrationInput, @Ctx() ctx: CustomersContext): Promise<RegistrationReceiptObject> {
    const r = await ctx.services.registrations.register(input);
    return Object.assign(new RegistrationReceiptObject(), { id: r.id, status: r.status });
  }

  @Query(() => [RegistrationObject], { nullable: true, description: 'Staff (staff.users): registrations, newest first.' })
  async registrations(
    @Arg('status', () => RegistrationStatus, { nullable: true }) status: RegistrationStatus | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Ctx() ctx: CustomersContext,
  ): Promise<RegistrationObject[]> {
    return (await ctx.services.registrations.list(ctx.viewer, status, first)).map(RegistrationObject.from);
  }

  @Query(() => RegistrationObject, { nullable: true, description: 'Staff (staff.users): one registration.' })
  async registration(@Arg('id', () => ID) id: string, @Ctx() ctx: CustomersContext): Promise<RegistrationObject> {
    return RegistrationObject.from(await ctx.services.registrations.get(ctx.viewer, id));
  }

  @FieldResolver(() => [DuplicateCandidateObject], { description: 'Existing customers that look like this one (likely duplicates first).' })
  async duplicates(@Root() registration: RegistrationObject, @Ctx() ctx: CustomersContext): Promise<DuplicateCandidateObject[]> {
    const entity = await ctx.services.registrations.get(ctx.viewer, registration.id);
    return (await ctx.services.registrations.duplicates(ctx.viewer, entity)).map((d) => Object.assign(new DuplicateCandidateObject(), d));
  }

  @Mutation(() => RegistrationObject, { description: 'Staff (staff.users): bind to an existing customer (companyId, contactId) or create a new one in the ERP.' })
  async approveRegistration(@Arg('input', () => ApproveRegistrationInput) input: ApproveRegistrationInput, @Ctx() ctx: CustomersContext): Promise<RegistrationObject> {
    return RegistrationObject.from(await ctx.services.registrations.approve(ctx.viewer, input));
  }

  @Mutation(() => RegistrationObject, { description: 'Staff (staff.users): reject a registration.' })
  async rejectRegistration(@Arg('id', () => ID) id: string, @Arg('reason') reason: string, @Ctx() ctx: CustomersContext): Promise<RegistrationObject> {
    return RegistrationObject.from(await ctx.services.registrations.reject(ctx.viewer, id, reason));
  }
}
