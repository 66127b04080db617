import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { notificationsSubgraph } from '../index';
import { MessageChannel, MessageStatus } from './message-status';
import { ClaimedMessage, MessageRepository, NewMessage } from './message.repository';

describe('MessageRepository (real PostgreSQL)', () => {
  let db: SpecDatabase;

  beforeAll(async () => {
    db = await createSpecDatabase([notificationsSubgraph]);
  });
  afterAll(async () => {
    await db?.drop();
  });

  const message = (ref: string, files: number): NewMessage => ({
    idempotencyKey: `${ref}|${randomUUID()}|EMAIL`, ref, topic: 'specFileSent', template: 'offer.sent', channel: MessageChannel.EMAIL,
    recipientUserId: randomUUID(), companyId: randomUUID(), recipientAddress: 'ana@example.com', language: 'en', values: {}, status: MessageStatus.QUEUED,
    attachments: Array.from({ length: files }, (_, i) => ({ fileName: `file-${i + 1}.pdf`, contentType: 'application/pdf', content: Buffer.from(`file ${i + 1}`) })),
  });

  it('never lets a sender claim a message before its files are stored: a claim after each of its statements finds every claimed message complete', async () => {
    // A sender on another connection claims due messages after every statement the queueing runs
    // (as a concurrent sender could), and records what files each claimed message had then.
    const sender = new MessageRepository(db.pool);
    const seen: Array<{ claimed: ClaimedMessage; files: number }> = [];
    const queueing = {
      query: async (...args: Parameters<Pool['query']>) => {
        const result = await (db.pool.query as any)(...args);
        for (const claimed of await sender.claimDue(100)) seen.push({ claimed, files: (await sender.attachmentsOf([claimed.id])).get(claimed.id)?.length ?? 0 });
        return result;
      },
    } as unknown as Pool;
    const ref = `spec:${randomUUID()}`;
    const messages = [message(ref, 2), message(ref, 1), message(ref, 0)];
    expect(await new MessageRepository(queueing).enqueue(messages)).toBe(3);
    expect(seen.filter((s) => s.claimed.ref === ref).map((s) => s.files).sort()).toEqual([0, 1, 2]);
  });

  it('stores the files of new messages only, in order: a repeated message adds neither a message nor a file', async () => {
    const ref = `spec:${randomUUID()}`;
    const first = message(ref, 2);
    const repository = new MessageRepository(db.pool);
    expect(await repository.enqueue([first])).toBe(1);
    expect(await repository.enqueue([first, message(ref, 1)])).toBe(1);
    const { rows } = await db.pool.query(
      `select m.idempotency_key, a.position, a.file_name, convert_from(a.content, 'UTF8') as content
         from notifications.message m join notifications.message_attachment a on a.message_id = m.id where m.ref = $1 order by m.created_at, m.idempotency_key = $2 desc, a.position`,
      [ref, first.idempotencyKey],
    );
    expect(rows.filter((r) => r.idempotency_key === first.idempotencyKey).map((r) => [r.position, r.file_name, r.content])).toEqual([[0, 'file-1.pdf', 'file 1'], [1, 'file-2.pdf', 'file 2']]);
    expect(rows.filter((r) => r.idempotency_key !== first.idempotencyKey).map((r) => r.file_name)).toEqual(['file-1.pdf']);
  });

  it('queues nothing for no messages', async () => {
    expect(await new MessageRepository(db.pool).enqueue([])).toBe(0);
  });
});
