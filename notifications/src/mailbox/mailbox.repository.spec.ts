import { randomUUID } from 'node:crypto';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { notificationsSubgraph } from '../index';
import { threadSubject } from './mail-thread';
import { IncomingMail, MailboxRepository } from './mailbox.repository';

describe('MailboxRepository (real PostgreSQL)', () => {
  let db: SpecDatabase;
  let uid = 0;
  const mailbox = `spec-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    db = await createSpecDatabase([notificationsSubgraph]);
  });
  afterAll(() => db?.drop());

  const mail = (over: Partial<IncomingMail>): IncomingMail => {
    const subject = over.subject ?? 'Offer for drills';
    return {
      mailbox, uidValidity: '7', uid: String(++uid), messageId: `${randomUUID()}@customer.example`, inReplyTo: null, references: [],
      fromAddress: 'buyer@customer.example', fromName: 'Buyer', toAddresses: ['sales@hub.example'], subject, threadSubject: threadSubject(subject),
      text: 'Hello', sentAt: new Date(), attachments: [], ...over,
    };
  };

  async function store(m: IncomingMail) {
    const client = await db.pool.connect();
    try {
      return await new MailboxRepository(client).store(m);
    } finally {
      client.release();
    }
  }

  async function taskFor(messageId: string, status = 'OPEN'): Promise<string> {
    const { rows } = await db.pool.query(
      `insert into notifications.task (id, kind, title, status, thread_subject, correspondents, created_by)
       select gen_random_uuid(), 'PREPARE_OFFER', subject, $2, thread_subject, array[from_address], gen_random_uuid() from notifications.mailbox_message where id = $1 returning id`,
      [messageId, status],
    );
    await new MailboxRepository(db.pool).attach(rows[0].id, [messageId], null);
    return rows[0].id;
  }

  it('stores a mail once per UID, with its attachments', async () => {
    const first = mail({ attachments: [{ fileName: 'spec.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4 x') }] });
    const stored = await store(first);
    expect(stored).toMatchObject({ taskId: null, reopened: false });
    expect(await store({ ...first })).toBeNull();
    const { rows } = await db.pool.query(`select file_name, size, content from notifications.mailbox_attachment where message_id = $1`, [stored!.id]);
    expect(rows).toEqual([{ file_name: 'spec.pdf', size: 10, content: Buffer.from('%PDF-1.4 x') }]);
  });

  it('attaches a reply to the task of the mail it answers (In-Reply-To or References), and reopens a DONE task', async () => {
    const root = mail({});
    const rootStored = (await store(root))!;
    const taskId = await taskFor(rootStored.id);
    const reply = await store(mail({ subject: 'Re: something else', inReplyTo: root.messageId, references: [root.messageId!], fromAddress: 'colleague@customer.example' }));
    expect(reply).toMatchObject({ taskId, reopened: false });
    const { rows: [task] } = await db.pool.query(`select correspondents from notifications.task where id = $1`, [taskId]);
    expect(task.correspondents).toEqual(['buyer@customer.example', 'colleague@customer.example']);

    await db.pool.query(`update notifications.task set status = 'DONE', closed_at = now() where id = $1`, [taskId]);
    const late = await store(mail({ references: ['unknown@x', root.messageId!] }));
    expect(late).toMatchObject({ taskId, reopened: true });
    const { rows: [after] } = await db.pool.query(`select status, closed_at from notifications.task where id = $1`, [taskId]);
    expect(after).toEqual({ status: 'OPEN', closed_at: null });
    const { rows: notes } = await db.pool.query(`select author_user_id, text from notifications.task_comment where task_id = $1`, [taskId]);
    expect(notes).toEqual([{ author_user_id: null, text: expect.stringContaining('Reopened') }]);
  });

  it('falls back to the subject for mail without thread headers, only from a correspondent and only for an open task', async () => {
    const subject = `Broken hinge ${randomUUID().slice(0, 6)}`;
    const root = (await store(mail({ subject })))!;
    const taskId = await taskFor(root.id);
    expect(await store(mail({ subject: `AW: ${subject}` }))).toMatchObject({ taskId });
    expect(await store(mail({ subject: `Re: ${subject}`, fromAddress: 'stranger@elsewhere.example' }))).toMatchObject({ taskId: null });
    await db.pool.query(`update notifications.task set status = 'CANCELLED' where id = $1`, [taskId]);
    expect(await store(mail({ subject: `Re: ${subject}` }))).toMatchObject({ taskId: null });
  });

  it('finds the unattached mail of a thread in both directions', async () => {
    const root = mail({ subject: 'Thread root' });
    const rootStored = (await store(root))!;
    const reply = (await store(mail({ subject: 'Re: Thread root', inReplyTo: root.messageId, references: [root.messageId!] })))!;
    const unrelated = (await store(mail({ subject: 'Unrelated' })))!;
    const found = await new MailboxRepository(db.pool).unattachedThreadOf(reply.id);
    expect(found.map((m) => m.id)).toEqual([rootStored.id]);
    expect((await new MailboxRepository(db.pool).unattachedThreadOf(rootStored.id)).map((m) => m.id)).toEqual([reply.id]);
    expect(found.map((m) => m.id)).not.toContain(unrelated.id);
  });

  it('keeps the cursor per mailbox and UIDVALIDITY', async () => {
    const repository = new MailboxRepository(db.pool);
    expect(await repository.cursor(mailbox)).toBeNull();
    await repository.moveCursor(mailbox, '7', '12');
    await repository.moveCursor(mailbox, '8', '3');
    expect(await repository.cursor(mailbox)).toEqual({ uidValidity: '8', lastUid: '3' });
  });
});
