import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { CUSTOMER_PERMISSIONS, CUSTOMER_ROLES, STAFF_PERMISSIONS } from '@hub/auth';
import { AuditEntryObject } from '../audit/audit-entry.object';
import { CustomersContext } from '../context';
import { CreateCoworkerInput } from './user-admin.inputs';
import { UserObject } from './user.object';

@ObjectType('Role', { description: 'A named group of customer permissions; any other set is a custom role.' })
export class RoleObject {
  @Field()
  name: string;

  @Field(() => [String])
  permissions: string[];
}

@ObjectType('PermissionCatalogue')
export class PermissionCatalogueObject {
  @Field(() => [String])
  customerPermissions: string[];

  @Field(() => [String])
  staffPermissions: string[];

  @Field(() => [RoleObject])
  roles: RoleObject[];
}

/** Customer admins (users.manage) and staff (staff.users) manage users; each call is audited. */
@Resolver()
export class UserAdminResolver {
  @Query(() => PermissionCatalogueObject, { description: 'The named permissions and roles (public: names only).' })
  permissionCatalogue(): PermissionCatalogueObject {
    return Object.assign(new PermissionCatalogueObject(), {
      customerPermissions: [...CUSTOMER_PERMISSIONS],
      staffPermissions: [...STAFF_PERMISSIONS],
      roles: Object.entries(CUSTOMER_ROLES).map(([name, permissions]) => Object.assign(new RoleObject(), { name, permissions: [...permissions] })),
    });
  }

  @Mutation(() => UserObject, { description: 'Add a coworker to your company (users.manage); never with more permissions than you hold.' })
  async createCoworker(@Arg('input', () => CreateCoworkerInput) input: CreateCoworkerInput, @Ctx() ctx: CustomersContext): Promise<UserObject> {
    return UserObject.from(await ctx.services.userAdmin.createCoworker(ctx.viewer, input));
  }

  @Mutation(() => UserObject, { description: "Deactivate a coworker: they cannot sign in, and their tokens stop working everywhere." })
  async deactivateUser(@Arg('id', () => ID) id: string, @Ctx() ctx: CustomersContext): Promise<UserObject> {
    return UserObject.from(await ctx.services.userAdmin.setActive(ctx.viewer, id, false));
  }

  @Mutation(() => UserObject, { description: 'Reactivate a coworker (they sign in again; old tokens stay invalid).' })
  async reactivateUser(@Arg('id', () => ID) id: string, @Ctx() ctx: CustomersContext): Promise<UserObject> {
    return UserObject.from(await ctx.services.userAdmin.setActive(ctx.viewer, id, true));
  }

  @Mutation(() => UserObject, { description: "Replace a coworker's permissions with `permissions` plus those of `roles`; only permissions you hold." })
  async setUserPermissions(
    @Arg('userId', () => ID) userId: string,
    @Arg('permissions', () => [String], { defaultValue: [] }) permissions: string[],
    @Arg('roles', () => [String], { defaultValue: [] }) roles: string[],
    @Ctx() ctx: CustomersContext,
  ): Promise<UserObject> {
    return UserObject.from(await ctx.services.userAdmin.setPermissions(ctx.viewer, userId, permissions, roles));
  }

  @Query(() => [AuditEntryObject], { nullable: true, description: 'Staff (staff.users): recorded account actions, newest first; optionally about one user.' })
  async auditLog(
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('userId', () => ID, { nullable: true }) userId: string | null,
    @Ctx() ctx: CustomersContext,
  ): Promise<AuditEntryObject[]> {
    return (await ctx.services.audit.list(ctx.viewer, first, userId)).map(AuditEntryObject.from);
  }
}
