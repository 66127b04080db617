import { decoyPasswordHash, signAccessToken, verifyPassword, Viewer } from '@hub/auth';
import { badUserInput, unauthenticated } from '@hub/errors';
import { CustomersContext } from '../context';
import { UserEntity } from './user.entity';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export class AuthService {
  constructor(private readonly ctx: CustomersContext) {}

  /**
   * Checks the password and issues a token. Unknown e-mail, wrong password and a deactivated
   * account get the same answer, so the answer does not tell which addresses have accounts.
   */
  async login(emailInput: string, password: string): Promise<{ token: string; expiresAt: Date; user: UserEntity }> {
    const email = emailInput.trim().toLowerCase();
    if (!EMAIL_PATTERN.test(email)) throw badUserInput('Enter a valid e-mail address.', 'email');
    if (password.length === 0) throw badUserInput('Enter your password.', 'password');
    if (password.length > 1024) throw badUserInput('The password is too long.', 'password');

    const user = await this.ctx.em.findOne(UserEntity, { email }, { populate: ['company'] });
    const passwordOk = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
    if (!user || !passwordOk || !user.active) throw unauthenticated('Invalid e-mail or password.');

    const viewer: Viewer = {
      userId: user.id,
      kind: user.kind,
      companyId: user.company?.id ?? null,
      supplierId: user.supplierId,
      permissions: user.permissions,
    };
    const issued = await signAccessToken(viewer, this.ctx.secrets);
    return { ...issued, user };
  }
}
