import { randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { publishEvent } from '@hub/events';
import { NotificationRecipient, SubgraphModule } from '@hub/subgraph-kit';
import { notificationsSubgraph } from '../index';
import { SmtpMailer } from '../mail/smtp-mailer';
import { NotificationWorker } from './notification-worker';

/** A caught mail: as sent, and its decoded plain-text and HTML parts. */
interface Caught { to: string; raw: string; text: string; html: string; attachments: Array<{ filename?: string; contentType: string; content: Buffer }> }

/** A real SMTP server whose answer per recipient the spec decides (250, or a refusal code). */
async function smtpServer(answer: (to: string) => number) {
  const caught: Caught[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const code = answer(address.address);
      if (code === 250) return callback();
      callback(Object.assign(new Error(code >= 500 ? 'mailbox unavailable' : 'try again later'), { responseCode: code }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then((parsed) => {
          const html = typeof parsed.html === 'string' ? parsed.html : '';
          for (const r of session.envelope.rcptTo) caught.push({ to: r.address, raw: raw.toString('utf8'), text: parsed.text ?? '', html, attachments: parsed.attachments });
          callback();
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { caught, port, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const TOPIC = 'specThingHappened';
const FILE_TOPIC = 'specFileSent';
const until = async (check: () => Promise<boolean> | boolean, what: string, timeoutMs = 10_000) => {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('NotificationWorker (real PostgreSQL, real SMTP)', () => {
  let db: SpecDatabase;
  const people = new Map<string, NotificationRecipient>();
  const person = (email: string, language: string | null = null): NotificationRecipient => {
    const r: NotificationRecipient = { userId: randomUUID(), email, name: email.split('@')[0], active: true, companyId: randomUUID(), language, consents: {}, phone: null };
    people.set(r.userId, r);
    return r;
  };
  // A module as a subgraph declares it: one topic whose event says which user an order-like thing belongs to.
  const module: SubgraphModule<any> = {
    ...notificationsSubgraph,
    name: 'spec-owner',
    notifications: [{
      topic: TOPIC,
      notices: async (_client, event) => {
        const { userId, status } = event.data as { userId: string; status: string };
        return [{ ref: `thing:${event.key}:${status}`, template: 'order.confirmed', recipientUserIds: [userId], values: { orderId: event.key, orderNumber: `SO-${event.key.slice(0, 4)}`, total: '10.00 EUR', deliveryDate: '2026-12-24' } }];
      },
    }, {
      // A notice with a file, its size from the event (to try the limit).
      topic: FILE_TOPIC,
      notices: async (_client, event) => {
        const { userId, bytes } = event.data as { userId: string; bytes: number };
        return [{
          ref: `file:${event.key}`, template: 'offer.sent', recipientUserIds: [userId],
          values: { offerId: event.key, offerNumber: 'OF-2026-00001', version: '1', title: 'Spec offer', total: '1.00 EUR', validUntil: '2026-12-31', fileName: 'OF-2026-00001-v1.pdf' },
          attachments: [{ fileName: 'OF-2026-00001-v1.pdf', contentType: 'application/pdf', content: Buffer.alloc(bytes, 7) }],
        }];
      },
    }],
    notificationRecipients: async (_client, ids) => ids.map((id) => people.get(id)).filter((r): r is NotificationRecipient => !!r),
  };
  const workers: NotificationWorker[] = [];
  const worker = async (port: number, extra: Partial<ConstructorParameters<typeof NotificationWorker>[0]> = {}) => {
    const w = new NotificationWorker({ databaseUrl: db.url, modules: [module], mailer: new SmtpMailer({ HUB_SMTP_PORT: String(port) }), tickMs: 100, retryBaseMs: 100, retryMaxMs: 400, ...extra });
    await w.start();
    workers.push(w);
    return w;
  };
  const log = async (ref: string) => (await db.pool.query(`select channel, status, attempts, recipient_address, last_response from notifications.message where ref = $1`, [ref])).rows;

  beforeAll(async () => {
    db = await createSpecDatabase([notificationsSubgraph]);
  });
  afterAll(async () => {
    for (const w of workers) await w.stop().catch(() => undefined);
    await db?.drop();
  });

  it('sends each event once per recipient and channel, even when heard twice, by two workers, or again after a restart between event and send', async () => {
    const smtp = await smtpServer(() => 250);
    const ana = person(`ana-${randomUUID().slice(0, 6)}@example.com`, 'es');
    const thing = randomUUID();
    // The first worker hears the event and queues the message, then stops before sending anything.
    const first = await worker(smtp.port, { sendingPaused: true });
    await publishEvent(db.pool, TOPIC, { key: thing, data: { userId: ana.userId, status: 'CONFIRMED' } });
    await until(async () => (await log(`thing:${thing}:CONFIRMED`)).length === 1, 'the queued message');
    await first.stop();
    expect(smtp.caught).toHaveLength(0);
    // A second worker after the "restart" sends it, and the same event heard again changes nothing.
    const second = await worker(smtp.port);
    await until(() => smtp.caught.length === 1, 'the mail');
    expect(await second.handleEvent({ topic: TOPIC, key: thing, data: { userId: ana.userId, status: 'CONFIRMED' } })).toBe(0);
    await publishEvent(db.pool, TOPIC, { key: thing, data: { userId: ana.userId, status: 'CONFIRMED' } });
    await second.settled();
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.caught).toHaveLength(1);
    const [mail] = smtp.caught;
    expect(mail.to).toBe(ana.email);
    // In the recipient's language (Spanish), in the branded MJML frame, with the link to the order.
    expect(mail.raw).toMatch(/Subject: Pedido SO-/);
    expect(mail.raw).toMatch(/Content-Language: es/);
    expect(mail.text).toContain(`http://localhost:3000/orders/${thing}`);
    expect(mail.html).toContain(`href="http://localhost:3000/orders/${thing}"`);
    expect(mail.html).toMatch(/<!doctype html>/i);
    expect(await log(`thing:${thing}:CONFIRMED`)).toEqual([expect.objectContaining({ channel: 'EMAIL', status: 'ACCEPTED', attempts: 1, recipient_address: ana.email })]);
    // Another status of the same thing is another message.
    await second.handleEvent({ topic: TOPIC, key: thing, data: { userId: ana.userId, status: 'INVOICED' } });
    await until(() => smtp.caught.length === 2, 'the second mail');
    await second.stop();
    await smtp.stop();
  });

  it("a recipient with neither a language nor a company default gets the deployment's (HUB_DEFAULT_LANGUAGE), else English", async () => {
    const smtp = await smtpServer(() => 250);
    const nobody = person(`nobody-${randomUUID().slice(0, 6)}@example.com`);
    const w = await worker(smtp.port);
    const [polish, english] = [randomUUID(), randomUUID()];
    const before = process.env.HUB_DEFAULT_LANGUAGE;
    process.env.HUB_DEFAULT_LANGUAGE = 'pl';
    try {
      await w.handleEvent({ topic: TOPIC, key: polish, data: { userId: nobody.userId, status: 'CONFIRMED' } });
    } finally {
      if (before === undefined) delete process.env.HUB_DEFAULT_LANGUAGE;
      else process.env.HUB_DEFAULT_LANGUAGE = before;
    }
    await w.handleEvent({ topic: TOPIC, key: english, data: { userId: nobody.userId, status: 'CONFIRMED' } });
    await until(() => smtp.caught.length === 2, 'both mails');
    const languageOf = async (key: string) => (await db.pool.query(`select language from notifications.message where ref = $1`, [`thing:${key}:CONFIRMED`])).rows[0]?.language;
    expect([await languageOf(polish), await languageOf(english)]).toEqual(['pl', 'en']);
    const mail = smtp.caught.find((m) => m.text.includes(`SO-${polish.slice(0, 4)}`))!;
    expect(mail.raw).toMatch(/Content-Language: pl/);
    await w.stop();
    await smtp.stop();
  });

  it('a 550 refusal is a logged bounce, tried once and never again; a 451 is retried with backoff until accepted', async () => {
    let temporary = 2;
    const gone = person(`gone-${randomUUID().slice(0, 6)}@example.com`);
    const busy = person(`busy-${randomUUID().slice(0, 6)}@example.com`);
    const smtp = await smtpServer((to) => (to === gone.email ? 550 : to === busy.email && temporary-- > 0 ? 451 : 250));
    const w = await worker(smtp.port);
    const [a, b] = [randomUUID(), randomUUID()];
    await w.handleEvent({ topic: TOPIC, key: a, data: { userId: gone.userId, status: 'CONFIRMED' } });
    await w.handleEvent({ topic: TOPIC, key: b, data: { userId: busy.userId, status: 'CONFIRMED' } });
    await until(async () => (await log(`thing:${b}:CONFIRMED`))[0]?.status === 'ACCEPTED', 'the retried mail');
    expect((await log(`thing:${b}:CONFIRMED`))[0].attempts).toBe(3);
    await new Promise((r) => setTimeout(r, 800));
    const [bounce] = await log(`thing:${a}:CONFIRMED`);
    expect(bounce).toMatchObject({ status: 'BOUNCED', attempts: 1 });
    expect(bounce.last_response).toMatch(/550/);
    expect(smtp.caught.map((m) => m.to)).toEqual([busy.email]);
    await w.stop();
    await smtp.stop();
  });

  it('retries end in FAILED after the last attempt; a sender that died mid-send leaves its message to the next', async () => {
    const smtp = await smtpServer(() => 451);
    const bo = person(`bo-${randomUUID().slice(0, 6)}@example.com`);
    const w = await worker(smtp.port, { maxAttempts: 3 });
    const thing = randomUUID();
    await w.handleEvent({ topic: TOPIC, key: thing, data: { userId: bo.userId, status: 'CONFIRMED' } });
    await until(async () => (await log(`thing:${thing}:CONFIRMED`))[0]?.status === 'FAILED', 'the failure');
    expect((await log(`thing:${thing}:CONFIRMED`))[0].attempts).toBe(3);
    await w.stop();
    await smtp.stop();

    const ok = await smtpServer(() => 250);
    const stale = randomUUID();
    await db.pool.query(
      `insert into notifications.message (id, idempotency_key, ref, template, channel, recipient_address, language, "values", status, attempts, claimed_at, next_attempt_at, created_at)
       values ($1, $2, $3, 'order.confirmed', 'EMAIL', 'stale@example.com', 'en', '{"orderNumber":"SO-1","orderId":"x"}', 'SENDING', 1, now() - interval '10 minutes', now(), now())`,
      [randomUUID(), `stale|${stale}`, `thing:${stale}`],
    );
    const next = await worker(ok.port);
    await until(() => ok.caught.length === 1, 'the stale message sent');
    expect((await log(`thing:${stale}`))[0]).toMatchObject({ status: 'ACCEPTED', attempts: 2 });
    await next.stop();
    await ok.stop();
  });

  it('attaches the files of a notice to its e-mail, the same bytes again on a retry, once however often the event comes; too large a file sends nothing', async () => {
    let refuse = true;
    const smtp = await smtpServer(() => (refuse ? 451 : 250));
    const eva = person(`eva-${randomUUID().slice(0, 6)}@example.com`);
    const offer = randomUUID();
    const w = await worker(smtp.port);
    await w.handleEvent({ topic: FILE_TOPIC, key: offer, data: { userId: eva.userId, bytes: 3000 } });
    await w.handleEvent({ topic: FILE_TOPIC, key: offer, data: { userId: eva.userId, bytes: 3000 } });
    await until(async () => (await log(`file:${offer}`))[0]?.attempts >= 1, 'the refused first attempt');
    refuse = false;
    await until(() => smtp.caught.length === 1, 'the mail after the retry');
    const [mail] = smtp.caught;
    expect(mail.attachments.map((a) => [a.filename, a.contentType, a.content.length])).toEqual([['OF-2026-00001-v1.pdf', 'application/pdf', 3000]]);
    expect(mail.attachments[0].content.equals(Buffer.alloc(3000, 7))).toBe(true);
    expect((await db.pool.query(`select count(*)::int as n from notifications.message_attachment a join notifications.message m on m.id = a.message_id where m.ref = $1`, [`file:${offer}`])).rows[0].n).toBe(1);
    // Above the limit: no message at all.
    const big = randomUUID();
    expect(await w.handleEvent({ topic: FILE_TOPIC, key: big, data: { userId: eva.userId, bytes: 5 * 1024 * 1024 + 1 } })).toBe(0);
    expect(await log(`file:${big}`)).toEqual([]);
    await w.stop();
    await smtp.stop();
  });
});
