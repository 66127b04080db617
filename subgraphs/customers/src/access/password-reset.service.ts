import { createHash, randomBytes } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { checkPasswordPolicy, hashPassword } from '@hub/auth';
import { badUserInput } from '@hub/errors';
import { recordAudit } from '../audit/audit.service';
import { Mailer } from '@hub/notifications/mail';
import { publishUserAccessChanged } from '../user/user-access-events';
import { UserEntity } from '../user/user.entity';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordResetEntity } from './password-reset.entity';

const RESET_MAILS_PER_WINDOW = 5;

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function hashResetToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function resetTtlMinutes(): number {
  const n = Number(process.env.HUB_PASSWORD_RESET_TTL_MINUTES ?? 60);
  return Number.isInteger(n) && n > 0 ? n : 60;
}

/** Password reset by e-mail: a single-use, expiring link; only the token's hash is stored. */
export class PasswordResetService {
  constructor(private readonly em: EntityManager, private readonly throttle: LoginThrottleService, private readonly mailer: Mailer) {}

  /**
   * Always answers the same, whether or not the address has an account (no enumeration). The mail
   * is sent after the commit and not awaited, so the response time does not tell either.
   */
  async request(emailInput: string): Promise<void> {
    const email = emailInput.trim().toLowerCase();
    if (!EMAIL_PATTERN.test(email) || email.length > 254) throw badUserInput('Enter a valid e-mail address.', 'email');
    // At most a few mails per address and window (against mail bombing); the answer stays the same.
    const key = `reset:${email}`;
    if (await this.throttle.isLocked(key)) return;
    await this.throttle.recordFailure(key, RESET_MAILS_PER_WINDOW);
    const user = await this.em.findOne(UserEntity, { email, active: true });
    if (!user) return;
    const token = randomBytes(32).toString('base64url');
    const minutes = resetTtlMinutes();
    await this.em.transactional(async (tx) => {
      tx.create(PasswordResetEntity, { userId: user.id, tokenHash: hashResetToken(token), expiresAt: new Date(Date.now() + minutes * 60_000) });
      recordAudit(tx, null, 'password.reset.request', { targetUserId: user.id });
    });
    const base = process.env.HUB_PUBLIC_URL || 'http://127.0.0.1:4000';
    this.mailer
      .send({
        to: user.email,
        subject: 'Reset your password',
        text:
          `Hello ${user.name},\n\nto choose a new password, open this link within ${minutes} minutes:\n` +
          `${base}/reset-password?token=${token}\n\nReset token: ${token}\n\nIf you did not ask for this, ignore this message.\n`,
      })
      .catch((error: Error) => console.error(`[customers] sending the password reset mail failed: ${error.message}`));
  }

  /** Sets a new password with a valid token; the token is used up and every session of the user ends. */
  async reset(token: string, newPassword: string): Promise<void> {
    const invalid = () => badUserInput('This reset link is invalid or has expired.', 'token');
    if (typeof token !== 'string' || token.length < 20 || token.length > 200) throw invalid();
    const tokenHash = hashResetToken(token);
    const candidate = await this.em.findOne(PasswordResetEntity, { tokenHash, usedAt: null, expiresAt: { $gt: new Date() } });
    if (!candidate) throw invalid();
    const user = await this.em.findOne(UserEntity, { id: candidate.userId });
    if (!user || !user.active) throw invalid();
    // Policy first: a rejected password leaves the token usable.
    checkPasswordPolicy(newPassword, user.email);
    const passwordHash = await hashPassword(newPassword);
    await this.em.transactional(async (tx) => {
      // The row lock makes the token single-use even when two resets race.
      const reset = await tx.findOne(PasswordResetEntity, { id: candidate.id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (!reset || reset.usedAt || reset.expiresAt <= new Date()) throw invalid();
      const row = await tx.findOneOrFail(UserEntity, { id: user.id }, { populate: ['company'] });
      row.passwordHash = passwordHash;
      row.tokenVersion += 1;
      reset.usedAt = new Date();
      await tx.nativeUpdate(PasswordResetEntity, { userId: user.id, usedAt: null, id: { $ne: reset.id } }, { usedAt: new Date() });
      recordAudit(tx, null, 'password.reset', { targetUserId: user.id, companyId: row.company?.id });
      await tx.flush();
      await publishUserAccessChanged(tx, row);
    });
  }
}
