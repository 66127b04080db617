import { randomUUID } from 'node:crypto';
import { hashPassword, verifyPassword } from '@hub/auth';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { customersSubgraph } from '../index';
import { OutgoingMail } from '@hub/notifications/mail';
import { UserEntity } from '../user/user.entity';
import { UserKind } from '../user/user-kind';
import { LoginThrottleRepository } from './login-throttle.repository';
import { LoginThrottleService } from './login-throttle.service';
import { hashResetToken, PasswordResetService } from './password-reset.service';

const LIMITS = { perAccount: 5, perAddress: 50, windowSeconds: 900, lockSeconds: 900 };

describe('PasswordResetService (real PostgreSQL)', () => {
  let db: SpecDatabase;
  let sent: OutgoingMail[];
  let mailed: Promise<unknown>;
  const resets = () => {
    const em = db.em();
    // The service does not await the mail; the spec waits for the fake mailer's own promise.
    return new PasswordResetService(em, new LoginThrottleService(new LoginThrottleRepository(em), LIMITS), {
      send: (mail) => {
        const receipt = Promise.resolve().then(() => (sent.push(mail), { response: '250 OK' }));
        mailed = receipt;
        return receipt;
      },
    });
  };
  const tokenOf = (mail: OutgoingMail) => /Reset token: (\S+)/.exec(mail.text)![1];

  async function newUser(active = true): Promise<UserEntity> {
    const em = db.em();
    const user = em.create(UserEntity, { email: `r-${randomUUID().slice(0, 8)}@example.com`, passwordHash: await hashPassword('old-password-1'), name: 'Forgetful', kind: UserKind.CUSTOMER, active });
    await em.flush();
    return user;
  }
  const stored = async (userId: string) => (await db.pool.query('select password_hash, token_version from customers.user_account where id = $1', [userId])).rows[0];
  const audited = async (userId: string) => (await db.pool.query('select action from customers.audit_log where target_user_id = $1 order by at', [userId])).rows.map((r) => r.action);

  async function requestMail(email: string): Promise<OutgoingMail> {
    const before = sent.length;
    await resets().request(email);
    await mailed;
    expect(sent).toHaveLength(before + 1);
    return sent[sent.length - 1];
  }

  beforeAll(async () => {
    db = await createSpecDatabase([customersSubgraph]);
  });
  afterAll(() => db?.drop());
  beforeEach(() => {
    sent = [];
    mailed = Promise.resolve();
  });

  it('mails a link to an active account (the address as typed, any case), storing only the token\'s hash', async () => {
    const user = await newUser();
    const mail = await requestMail(`  ${user.email.toUpperCase()} `);
    expect(mail).toMatchObject({ to: user.email, subject: 'Reset your password' });
    expect(mail.text).toContain(`/reset-password?token=${tokenOf(mail)}`);
    expect(mail.text).toContain('within 60 minutes');
    const { rows } = await db.pool.query('select token_hash, expires_at from customers.password_reset where user_id = $1', [user.id]);
    expect(rows.map((r) => r.token_hash)).toEqual([hashResetToken(tokenOf(mail))]);
    expect(rows[0].expires_at.getTime() - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(await audited(user.id)).toEqual(['password.reset.request']);
  });

  it('answers the same for an unknown or deactivated address, sending nothing; refuses what is not an address', async () => {
    const gone = await newUser(false);
    await resets().request(`nobody-${randomUUID()}@example.com`);
    await resets().request(gone.email);
    await mailed;
    expect(sent).toEqual([]);
    await expect(resets().request('not an address')).rejects.toMatchObject({ message: 'Enter a valid e-mail address.', extensions: { code: 'BAD_USER_INPUT', field: 'email' } });
    await expect(resets().request(`${'a'.repeat(250)}@x.example`)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('sends at most five mails per address and window', async () => {
    const user = await newUser();
    for (let i = 0; i < 7; i++) await resets().request(user.email);
    await mailed;
    expect(sent).toHaveLength(5);
  });

  it('sets the new password once per token, ends every session and every other reset link', async () => {
    const user = await newUser();
    const first = tokenOf(await requestMail(user.email));
    const second = tokenOf(await requestMail(user.email));
    const version = (await stored(user.id)).token_version;

    // The policy comes first: a refused password leaves the token usable.
    await expect(resets().reset(second, 'short')).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'newPassword' } });
    await expect(resets().reset(second, user.email)).rejects.toMatchObject({ message: 'The password must not be your e-mail address.' });
    await resets().reset(second, 'brand-new-password-2');
    const after = await stored(user.id);
    expect(await verifyPassword('brand-new-password-2', after.password_hash)).toBe(true);
    expect(after.token_version).toBe(version + 1);
    expect(await audited(user.id)).toEqual(['password.reset.request', 'password.reset.request', 'password.reset']);

    const invalid = { message: 'This reset link is invalid or has expired.', extensions: { code: 'BAD_USER_INPUT', field: 'token' } };
    await expect(resets().reset(second, 'another-password-3')).rejects.toMatchObject(invalid);
    await expect(resets().reset(first, 'another-password-3')).rejects.toMatchObject(invalid);
    expect(await verifyPassword('brand-new-password-2', (await stored(user.id)).password_hash)).toBe(true);
  });

  it('refuses an expired link, a link of a deactivated account, and tokens of the wrong shape', async () => {
    const user = await newUser();
    const token = tokenOf(await requestMail(user.email));
    const invalid = { message: 'This reset link is invalid or has expired.' };
    await db.pool.query("update customers.password_reset set expires_at = now() - interval '1 second' where user_id = $1", [user.id]);
    await expect(resets().reset(token, 'brand-new-password-2')).rejects.toMatchObject(invalid);

    const other = await newUser();
    const otherToken = tokenOf(await requestMail(other.email));
    await db.pool.query('update customers.user_account set active = false where id = $1', [other.id]);
    await expect(resets().reset(otherToken, 'brand-new-password-2')).rejects.toMatchObject(invalid);

    for (const bad of ['', 'x'.repeat(19), 'x'.repeat(201), 42 as unknown as string]) await expect(resets().reset(bad, 'brand-new-password-2')).rejects.toMatchObject(invalid);
  });
});
