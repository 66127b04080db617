import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { hasPermission, requireViewer } from '@hub/auth';
import { forbidden } from '@hub/errors';
import { MoneyObject } from '@hub/money';
import { CustomersContext } from '../context';
import { UserObject } from '../user/user.object';
import { FINANCIAL_STATE_PERMISSION } from './company-structure.service';
import { AddressObject, BranchInput, BranchObject, DocumentPreferenceValue } from './company-structure.objects';
import { CompanyObject } from './company.object';

/** Fields needing a permission (users, creditLimit, balance, blocked) are nullable: a refusal nulls them, not the company. */
@Resolver(() => CompanyObject)
export class CompanyResolver {
  @Query(() => CompanyObject, { description: 'A company you may see: your own, or any for staff.' })
  async company(@Arg('id', () => ID) id: string, @Ctx() ctx: CustomersContext): Promise<CompanyObject> {
    const viewer = requireViewer(ctx.viewer);
    return CompanyObject.from(await ctx.services.companies.getVisible(viewer, id));
  }

  @Query(() => [CompanyObject], { nullable: true, description: 'All customer companies (staff only).' })
  async companies(@Ctx() ctx: CustomersContext): Promise<CompanyObject[]> {
    return (await ctx.services.companies.listAll(requireViewer(ctx.viewer))).map(CompanyObject.from);
  }

  @FieldResolver(() => [UserObject], { nullable: true, description: "The company's users (needs users.manage, or staff)." })
  async users(@Root() company: CompanyObject, @Ctx() ctx: CustomersContext): Promise<UserObject[]> {
    if (!hasPermission(ctx.viewer, 'users.manage')) throw forbidden('You need the "users.manage" permission.');
    const users = await ctx.services.users.listForCompany(requireViewer(ctx.viewer), company.id);
    return users.map(UserObject.from);
  }

  @FieldResolver(() => AddressObject, { nullable: true, description: 'ERP-owned: where invoices go.' })
  invoiceAddress(@Root() company: CompanyObject): AddressObject | null {
    return AddressObject.from(company.entity.invoiceAddress);
  }

  @FieldResolver(() => String, { nullable: true, description: 'ERP-owned: the customer group it buys in (prices; staff may give a group payment messages of its own).' })
  customerGroup(@Root() company: CompanyObject): string | null {
    return company.entity.customerGroup;
  }

  @FieldResolver(() => [AddressObject], { description: 'ERP-owned: where goods may be delivered.' })
  deliveryAddresses(@Root() company: CompanyObject): AddressObject[] {
    return (company.entity.deliveryAddresses ?? []).map((a) => AddressObject.from(a)!);
  }

  @FieldResolver(() => [BranchObject], { description: 'Hub-owned: branches and shops, with their addresses.' })
  async branches(@Root() company: CompanyObject, @Ctx() ctx: CustomersContext): Promise<BranchObject[]> {
    return (await ctx.loaders.branchesByCompany.load(company.id)).map(BranchObject.from);
  }

  @FieldResolver(() => DocumentPreferenceValue, { description: 'Hub-owned: receipt or invoice.' })
  documentPreference(@Root() company: CompanyObject): DocumentPreferenceValue {
    return company.documentPreferenceValue as DocumentPreferenceValue;
  }

  @FieldResolver(() => MoneyObject, { nullable: true, description: `ERP-owned credit limit (needs ${FINANCIAL_STATE_PERMISSION}).` })
  creditLimit(@Root() company: CompanyObject, @Ctx() ctx: CustomersContext): MoneyObject {
    this.requireFinancial(ctx);
    return MoneyObject.of(company.entity.creditLimit, company.currency);
  }

  @FieldResolver(() => MoneyObject, { nullable: true, description: `ERP-owned open balance (needs ${FINANCIAL_STATE_PERMISSION}).` })
  balance(@Root() company: CompanyObject, @Ctx() ctx: CustomersContext): MoneyObject {
    this.requireFinancial(ctx);
    return MoneyObject.of(company.entity.balance, company.currency);
  }

  @FieldResolver(() => Boolean, { nullable: true, description: `ERP-owned: blocked for new orders (needs ${FINANCIAL_STATE_PERMISSION}).` })
  blocked(@Root() company: CompanyObject, @Ctx() ctx: CustomersContext): boolean {
    this.requireFinancial(ctx);
    return company.entity.blocked;
  }

  @Mutation(() => CompanyObject, { description: 'Receipt or invoice (users.manage; staff with staff.users name the company).' })
  async setDocumentPreference(
    @Arg('preference', () => DocumentPreferenceValue) preference: DocumentPreferenceValue,
    @Arg('companyId', () => ID, { nullable: true }) companyId: string | null,
    @Ctx() ctx: CustomersContext,
  ): Promise<CompanyObject> {
    return CompanyObject.from(await ctx.services.companyStructure.setDocumentPreference(ctx.viewer, preference, companyId));
  }

  @Mutation(() => BranchObject, { description: 'Add a branch or shop (users.manage; staff with staff.users name the company).' })
  async addBranch(@Arg('input', () => BranchInput) input: BranchInput, @Ctx() ctx: CustomersContext): Promise<BranchObject> {
    return BranchObject.from(await ctx.services.companyStructure.addBranch(ctx.viewer, input));
  }

  @Mutation(() => Boolean, { description: 'Remove a branch (users.manage).' })
  async removeBranch(@Arg('id', () => ID) id: string, @Ctx() ctx: CustomersContext): Promise<boolean> {
    return ctx.services.companyStructure.removeBranch(ctx.viewer, id);
  }

  private requireFinancial(ctx: CustomersContext): void {
    if (!ctx.services.companyStructure.canSeeFinancialState(ctx.viewer)) throw forbidden(`You need the "${FINANCIAL_STATE_PERMISSION}" permission.`);
  }
}
