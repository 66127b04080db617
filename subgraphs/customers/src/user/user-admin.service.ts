import { randomBytes } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  checkPasswordPolicy, CUSTOMER_ROLES, hashPassword, isCustomerPermission, isCustomerRole, isStaffPermission, requireViewer, Viewer,
} from '@hub/auth';
import { badUserInput, conflict, forbidden, notFound } from '@hub/errors';
import { isUuid } from '@hub/subgraph-kit';
import { recordAudit } from '../audit/audit.service';
import { CompanyEntity } from '../company/company.entity';
import { CustomersContext } from '../context';
import { CreateCoworkerInput } from './user-admin.inputs';
import { publishUserAccessChanged } from './user-access-events';
import { UserEntity } from './user.entity';
import { UserKind } from './user-kind';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What a user manager may grant: a customer admin its own current permissions, staff every customer permission. */
interface Manager {
  viewer: Viewer;
  /** Null for staff (any company). */
  companyId: string | null;
  grantable: ReadonlySet<string>;
}

/**
 * Customer admins (users.manage) manage their own company's coworkers; staff with staff.users (or
 * staff.admin) manage any customer's. Nobody grants what they do not hold, and a customer admin
 * cannot change a coworker who holds a permission the admin lacks.
 */
export class UserAdminService {
  constructor(private readonly ctx: CustomersContext) {}

  /** The manager's rights, read from the database (not the token), so revoked rights count at once. */
  private async manager(viewerInput: Viewer | null): Promise<Manager> {
    const viewer = requireViewer(viewerInput);
    if (viewer.kind === 'STAFF') {
      if (viewer.actorId || !(viewer.permissions.includes('staff.users') || viewer.permissions.includes('staff.admin'))) {
        throw forbidden('You need the "staff.users" staff permission.');
      }
      return { viewer, companyId: null, grantable: new Set(Object.values(CUSTOMER_ROLES.ADMIN)) };
    }
    if (viewer.kind !== 'CUSTOMER' || !viewer.companyId) throw forbidden('You need the "users.manage" permission.');
    const me = await this.ctx.em.findOne(UserEntity, { id: viewer.userId });
    if (!me || !me.active || !me.permissions.includes('users.manage')) throw forbidden('You need the "users.manage" permission.');
    return { viewer, companyId: viewer.companyId, grantable: new Set(me.permissions) };
  }

  /** The target user if the manager may manage it; NOT_FOUND for other companies' users (ids are not confirmed). */
  private async target(em: EntityManager, manager: Manager, userId: string): Promise<UserEntity> {
    if (!isUuid(userId)) throw badUserInput('User id must be a UUID.', 'userId');
    const user = await em.findOne(UserEntity, { id: userId }, { populate: ['company'] });
    if (!user || (manager.companyId !== null && user.company?.id !== manager.companyId)) throw notFound('User', userId);
    if (user.kind !== UserKind.CUSTOMER) throw forbidden('Only customer users are managed here.');
    const beyond = user.permissions.filter((p) => !manager.grantable.has(p));
    if (beyond.length > 0) throw forbidden(`This user holds permissions you do not have (${beyond.join(', ')}).`);
    return user;
  }

  /** Expands roles, checks every name and that the manager holds each permission. */
  private resolvePermissions(manager: Manager, permissions: string[], roles: string[]): string[] {
    const result = new Set<string>();
    for (const role of roles) {
      if (!isCustomerRole(role)) throw badUserInput(`Unknown role "${role}".`, 'roles');
      for (const p of CUSTOMER_ROLES[role]) result.add(p);
    }
    for (const p of permissions) {
      if (isStaffPermission(p)) throw forbidden(`"${p}" is a staff permission and cannot be granted to customer users.`);
      if (!isCustomerPermission(p)) throw badUserInput(`Unknown permission "${p}".`, 'permissions');
      result.add(p);
    }
    const missing = [...result].filter((p) => !manager.grantable.has(p));
    if (missing.length > 0) throw forbidden(`You cannot grant permissions you do not hold yourself (${missing.join(', ')}).`);
    return [...result].sort();
  }

  async createCoworker(viewerInput: Viewer | null, input: CreateCoworkerInput): Promise<UserEntity> {
    const manager = await this.manager(viewerInput);
    const email = input.email.trim().toLowerCase();
    if (!EMAIL_PATTERN.test(email) || email.length > 254) throw badUserInput('Enter a valid e-mail address.', 'email');
    const name = input.name.trim();
    if (name.length === 0 || name.length > 200) throw badUserInput('Enter a name of 1 to 200 characters.', 'name');
    let companyId = manager.companyId;
    if (companyId === null) {
      if (!input.companyId || !isUuid(input.companyId)) throw badUserInput('Staff must name the company (a UUID).', 'companyId');
      companyId = input.companyId;
    } else if (input.companyId && input.companyId !== companyId) {
      // Another company's id: NOT_FOUND, as for an id of no company.
      throw notFound('Company', input.companyId);
    }
    const permissions = this.resolvePermissions(manager, input.permissions, input.roles);
    if (input.password !== undefined && input.password !== null) checkPasswordPolicy(input.password, email, 'password');
    const passwordHash = await hashPassword(input.password ?? randomBytes(32).toString('base64url'));

    return this.ctx.em.transactional(async (tx) => {
      const company = await tx.findOne(CompanyEntity, { id: companyId! });
      if (!company) throw notFound('Company', companyId!);
      if (!company.active) throw conflict('This customer account is no longer active.');
      if (await tx.count(UserEntity, { email })) throw conflict('A user with this e-mail address already exists.');
      const user = tx.create(UserEntity, { email, name, passwordHash, kind: UserKind.CUSTOMER, company, supplierId: null, permissions });
      recordAudit(tx, manager.viewer, 'user.create', { targetUserId: user.id, companyId: company.id, details: { email, permissions } });
      return user;
    });
  }

  async setActive(viewerInput: Viewer | null, userId: string, active: boolean): Promise<UserEntity> {
    const manager = await this.manager(viewerInput);
    if (userId === manager.viewer.userId) throw badUserInput('You cannot deactivate or reactivate yourself.', 'userId');
    return this.ctx.em.transactional(async (tx) => {
      const user = await this.target(tx, manager, userId);
      if (user.active === active) return user;
      user.active = active;
      // Reactivation must not bring old tokens back: every change of standing ends all sessions.
      user.tokenVersion += 1;
      recordAudit(tx, manager.viewer, active ? 'user.reactivate' : 'user.deactivate', { targetUserId: user.id, companyId: user.company?.id });
      await tx.flush();
      await publishUserAccessChanged(tx, user);
      return user;
    });
  }

  /** Replaces the user's permissions with the given ones plus those of the given roles. */
  async setPermissions(viewerInput: Viewer | null, userId: string, permissions: string[], roles: string[]): Promise<UserEntity> {
    const manager = await this.manager(viewerInput);
    if (userId === manager.viewer.userId) throw badUserInput('You cannot change your own permissions.', 'userId');
    const granted = this.resolvePermissions(manager, permissions, roles);
    return this.ctx.em.transactional(async (tx) => {
      const user = await this.target(tx, manager, userId);
      const before = [...user.permissions].sort();
      if (before.join(',') === granted.join(',')) return user;
      user.permissions = granted;
      // Tokens carry permissions: old ones must not keep rights that were taken away.
      user.tokenVersion += 1;
      recordAudit(tx, manager.viewer, 'user.permissions', { targetUserId: user.id, companyId: user.company?.id, details: { before, after: granted } });
      await tx.flush();
      await publishUserAccessChanged(tx, user);
      return user;
    });
  }
}
