import {
  AuthSecrets, checkPasswordPolicy, decoyPasswordHash, hashPassword, IssuedToken, requireNotImpersonating, requireStaffPermission, requireViewer, signAccessToken, verifyPassword, Viewer,
} from '@hub/auth';
import { badUserInput, forbidden, notFound, unauthenticated } from '@hub/errors';
import { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '@hub/subgraph-kit';
import { LoginThrottleService } from '../access/login-throttle.service';
import { recordAudit } from '../audit/audit.service';
import { publishUserAccessChanged } from './user-access-events';
import { UserEntity } from './user.entity';
import { UserKind } from './user-kind';
import { viewerOf } from './user-viewer';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type SignedIn = IssuedToken & { user: UserEntity };

/**
 * Sign-in and sessions. Access tokens live HUB_TOKEN_TTL_SECONDS (8 h by default); a client renews
 * one before it expires with `refreshToken` (which re-reads the user, so a revoked session cannot
 * be renewed). Deactivation, password changes and permission changes raise the user's token
 * version, which ends every older token at the gateway (see platform/revocation).
 */
export class AuthService {
  constructor(
    private readonly em: EntityManager,
    private readonly throttle: LoginThrottleService,
    private readonly secrets: AuthSecrets,
    /** The caller's address, for throttling per address (null when the gateway sent none). */
    private readonly clientAddress: string | null,
  ) {}

  /**
   * Checks the password and issues a token. Unknown e-mail, wrong password and a deactivated
   * account get the same answer, so the answer does not tell which addresses have accounts.
   * Throttled per account and per client address (RATE_LIMITED with retryAfterSeconds).
   */
  async login(emailInput: string, password: string): Promise<SignedIn> {
    const email = emailInput.trim().toLowerCase();
    if (!EMAIL_PATTERN.test(email)) throw badUserInput('Enter a valid e-mail address.', 'email');
    if (password.length === 0) throw badUserInput('Enter your password.', 'password');
    if (password.length > 1024) throw badUserInput('The password is too long.', 'password');

    const keys = LoginThrottleService.keys(email, this.clientAddress);
    await this.throttle.check([keys.account, ...(keys.address ? [keys.address] : [])]);

    const user = await this.em.findOne(UserEntity, { email }, { populate: ['company'] });
    const passwordOk = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
    if (!user || !passwordOk || !user.active) {
      await this.throttle.recordFailures(keys);
      throw unauthenticated('Invalid e-mail or password.');
    }
    await this.throttle.recordSuccess(keys);
    return { ...(await signAccessToken(viewerOf(user), this.secrets)), user };
  }

  /** A fresh token for a session that is still good; the permissions are re-read. */
  async refresh(viewerInput: Viewer | null): Promise<SignedIn> {
    const viewer = requireViewer(viewerInput);
    if (viewer.actorId) throw forbidden('A "sign in as" session cannot be extended; start a new one.');
    const user = await this.em.findOne(UserEntity, { id: viewer.userId }, { populate: ['company'] });
    if (!user || !user.active || user.tokenVersion !== (viewer.tokenVersion ?? 0)) throw unauthenticated('This session has ended; sign in again.');
    return { ...(await signAccessToken(viewerOf(user), this.secrets)), user };
  }

  /** Changes your own password; ends every other session and returns a new token. Never while impersonating. */
  async changePassword(viewerInput: Viewer | null, currentPassword: string, newPassword: string): Promise<SignedIn> {
    const viewer = requireNotImpersonating(requireViewer(viewerInput), 'change the password');
    const user = await this.em.findOne(UserEntity, { id: viewer.userId }, { populate: ['company'] });
    if (!user || !user.active || user.tokenVersion !== (viewer.tokenVersion ?? 0)) throw unauthenticated('This session has ended; sign in again.');
    if (currentPassword.length > 1024 || !(await verifyPassword(currentPassword, user.passwordHash))) {
      throw badUserInput('The current password is not correct.', 'currentPassword');
    }
    checkPasswordPolicy(newPassword, user.email);
    const passwordHash = await hashPassword(newPassword);
    const changed = await this.em.transactional(async (tx) => {
      const row = await tx.findOneOrFail(UserEntity, { id: user.id }, { populate: ['company'] });
      row.passwordHash = passwordHash;
      row.tokenVersion += 1;
      recordAudit(tx, viewer, 'password.change', { targetUserId: user.id, companyId: user.company?.id });
      await tx.flush();
      await publishUserAccessChanged(tx, row);
      return row;
    });
    // The new token carries the new version: this session goes on, all older ones end.
    return { ...(await signAccessToken(viewerOf(changed), this.secrets)), user: changed };
  }

  /**
   * "Sign in as": staff with staff.users (or staff.admin) get a short token for a customer or
   * supplier user whose claims name both (subject = the user, actor = the staff user). Audited.
   */
  async impersonate(viewerInput: Viewer | null, userId: string): Promise<SignedIn> {
    const viewer = requireStaffPermission(viewerInput, 'staff.users');
    if (!isUuid(userId)) throw badUserInput('User id must be a UUID.', 'userId');
    const [actor, user] = await Promise.all([
      this.em.findOne(UserEntity, { id: viewer.userId }),
      this.em.findOne(UserEntity, { id: userId }, { populate: ['company'] }),
    ]);
    if (!actor || !actor.active) throw unauthenticated('This session has ended; sign in again.');
    if (!user) throw notFound('User', userId);
    if (user.kind === UserKind.STAFF) throw forbidden('Staff accounts cannot be signed in as.');
    if (!user.active) throw badUserInput('This account is deactivated.', 'userId');
    await this.em.transactional(async (tx) => {
      recordAudit(tx, viewer, 'impersonation.start', { targetUserId: user.id, companyId: user.company?.id, details: { email: user.email } });
    });
    return { ...(await signAccessToken(viewerOf(user, actor), this.secrets)), user };
  }
}
