import { randomUUID } from 'node:crypto';
import { as, demo, demoUser, failure, tokenFor } from './support/hub-client';
import { deliverToMailbox } from './support/imap-server';
import { eventually } from './support/staff-client';

const MESSAGES = `query($first: Int) { mailboxMessages(first: $first) { id messageId inReplyTo references fromAddress fromName subject text taskId attachments { fileName contentType size url } } }`;
const TASK_FIELDS = `id kind title status departmentId assigneeUserId linkKind linkId offerId resolution closedAt
  department { code name } assignee { id email } comments { authorUserId text } messages { messageId subject fromAddress }
  order { id number } returnRequest { id number status }`;
const TASK = `query($id: ID!) { task(id: $id) { ${TASK_FIELDS} } }`;
const CREATE = `mutation($i: CreateTaskFromMessageInput!) { createTaskFromMessage(input: $i) { ${TASK_FIELDS} } }`;
const ASSIGN = `mutation($i: AssignTaskInput!) { assignTask(input: $i) { ${TASK_FIELDS} } }`;
const COMMENT = `mutation($t: ID!, $text: String!) { commentTask(taskId: $t, text: $text) { authorUserId text } }`;
const CLOSE = `mutation($t: ID!, $o: TaskStatus, $r: String) { closeTask(taskId: $t, outcome: $o, resolution: $r) { ${TASK_FIELDS} } }`;
const REOPEN = `mutation($t: ID!) { reopenTask(taskId: $t) { status } }`;
const LINK = `mutation($i: LinkTaskInput!) { linkTask(input: $i) { ${TASK_FIELDS} } }`;
const DEPARTMENT = `mutation($i: DepartmentInput!) { createDepartment(input: $i) { id code name active } }`;
const ME = `{ me { id } }`;

const tag = randomUUID().slice(0, 8);
const customer = `buyer-${tag}@customer.example`;

function rawMail(options: { id: string; subject: string; from?: string; inReplyTo?: string; references?: string[]; text: string; attachment?: { name: string; type: string; bytes: Buffer } }): string {
  const boundary = `b-${randomUUID()}`;
  const head = [
    `From: Pat Buyer <${options.from ?? customer}>`,
    'To: sales@distributor.example',
    `Subject: ${options.subject}`,
    `Message-ID: <${options.id}>`,
    ...(options.inReplyTo ? [`In-Reply-To: <${options.inReplyTo}>`] : []),
    ...(options.references ? [`References: ${options.references.map((r) => `<${r}>`).join(' ')}`] : []),
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
  ];
  if (!options.attachment) return [...head, 'Content-Type: text/plain; charset=utf-8', '', options.text, ''].join('\r\n');
  return [
    ...head,
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    options.text,
    `--${boundary}`,
    `Content-Type: ${options.attachment.type}; name="${options.attachment.name}"`,
    `Content-Disposition: attachment; filename="${options.attachment.name}"`,
    'Content-Transfer-Encoding: base64',
    '',
    options.attachment.bytes.toString('base64').replace(/.{76}/g, '$&\r\n'),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

async function messageById(messageId: string) {
  const staff = await as('orders@hub.example');
  return eventually(async () => {
    const { mailboxMessages } = await staff.request<{ mailboxMessages: any[] }>(MESSAGES, { first: 200 });
    return mailboxMessages.find((m) => m.messageId === messageId);
  }, 30_000, `mail ${messageId} in the hub`);
}

describe('mailbox and tasks (C10): e-mail read over IMAP becomes a task, its thread follows it', () => {
  const rootId = `root-${tag}@customer.example`;
  const subject = `Offer for 200 drills ${tag}`;
  const priceList = Buffer.from(`SKU;QTY\nDRILL-1;200\n${tag}\n`);
  let departmentId: string;
  let taskId: string;
  let ordersStaffId: string;

  beforeAll(async () => {
    if (!process.env.HUB_TEST_IMAP_PORT) throw new Error('No IMAP server for this run: install dovecot-imapd (see .ci/run).');
    const admin = await as('admin@hub.example');
    departmentId = (await admin.request<any>(DEPARTMENT, { i: { code: `SALES-${tag.toUpperCase()}`, name: 'Sales desk' } })).createDepartment.id;
    ordersStaffId = (await (await as('orders@hub.example')).request<any>(ME)).me.id;
    await deliverToMailbox(rawMail({ id: rootId, subject, text: 'Please quote 200 drills, list attached.', attachment: { name: 'wanted.csv', type: 'text/csv', bytes: priceList } }));
  });

  it('reads the e-mail from the IMAP mailbox with its headers and attachment, downloadable by staff only', async () => {
    const mail = await messageById(rootId);
    expect(mail).toMatchObject({ fromAddress: customer, fromName: 'Pat Buyer', subject, taskId: null, inReplyTo: null, references: [] });
    expect(mail.text).toContain('Please quote 200 drills');
    expect(mail.attachments).toEqual([{ fileName: 'wanted.csv', contentType: 'text/csv', size: priceList.length, url: expect.stringContaining('/files/notifications/') }]);
    const download = await fetch(mail.attachments[0].url, { headers: { authorization: `Bearer ${await tokenFor('orders@hub.example')}` } });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(priceList);
    // Another user cannot use the link.
    const stolen = await fetch(mail.attachments[0].url, { headers: { authorization: `Bearer ${await tokenFor(demoUser(0, 'customer admin').email)}` } });
    expect(stolen.status).toBe(403);
  });

  it('turns the e-mail into a task for a department; a second task from it is a CONFLICT', async () => {
    const mail = await messageById(rootId);
    const staff = await as('orders@hub.example');
    const { createTaskFromMessage: task } = await staff.request<any>(CREATE, { i: { messageId: mail.id, kind: 'PREPARE_OFFER', departmentId, note: 'Big customer, answer today.' } });
    taskId = task.id;
    expect(task).toMatchObject({
      kind: 'PREPARE_OFFER', title: subject, status: 'OPEN', departmentId, department: { code: `SALES-${tag.toUpperCase()}`, name: 'Sales desk' }, assignee: null,
      messages: [{ messageId: rootId, subject, fromAddress: customer }], comments: [{ authorUserId: ordersStaffId, text: 'Big customer, answer today.' }],
    });
    expect((await messageById(rootId)).taskId).toBe(taskId);
    expect((await failure(staff.request(CREATE, { i: { messageId: mail.id, kind: 'OTHER' } }))).codes).toEqual(['CONFLICT']);
  });

  it('attaches later correspondence on the thread (In-Reply-To, References, or the subject from a correspondent); other mail stays apart', async () => {
    const staff = await as('orders@hub.example');
    const replyId = `reply-${tag}@customer.example`;
    const followId = `follow-${tag}@customer.example`;
    const bareId = `bare-${tag}@customer.example`;
    const otherId = `other-${tag}@elsewhere.example`;
    await deliverToMailbox(rawMail({ id: replyId, subject: `Re: ${subject}`, inReplyTo: rootId, references: [rootId], text: 'Also 20 bits please.' }));
    await deliverToMailbox(rawMail({ id: followId, subject: 'Different words', references: [rootId, replyId], from: `colleague-${tag}@customer.example`, text: 'My colleague asked for this.' }));
    await deliverToMailbox(rawMail({ id: bareId, subject: `AW: ${subject}`, text: 'Sent from a phone without thread headers.' }));
    await deliverToMailbox(rawMail({ id: otherId, subject: `Re: ${subject}`, from: `stranger-${tag}@elsewhere.example`, text: 'Same subject, different sender.' }));
    const task = await eventually(async () => {
      const t = (await staff.request<any>(TASK, { id: taskId })).task;
      return t.messages.length === 4 ? t : undefined;
    }, 30_000, 'the replies on the task');
    expect(task.messages.map((m: any) => m.messageId)).toEqual([rootId, replyId, followId, bareId]);
    expect((await messageById(otherId)).taskId).toBeNull();
  });

  it('is assigned, commented and closed; closed tasks refuse comments; a new reply reopens it', async () => {
    const staff = await as('orders@hub.example');
    const assigned = (await staff.request<any>(ASSIGN, { i: { taskId, departmentId, assigneeUserId: ordersStaffId } })).assignTask;
    expect(assigned).toMatchObject({ status: 'IN_PROGRESS', assigneeUserId: ordersStaffId, assignee: { id: ordersStaffId, email: 'orders@hub.example' } });
    expect(assigned.comments.at(-1)).toEqual({ authorUserId: ordersStaffId, text: 'Assigned to Order Desk <orders@hub.example> in Sales desk.' });
    const mine = (await staff.request<any>(`{ tasks(mine: true, first: 200) { id } }`)).tasks;
    expect(mine.map((t: any) => t.id)).toContain(taskId);
    expect((await staff.request<any>(COMMENT, { t: taskId, text: 'Prices checked with purchasing.' })).commentTask).toEqual({ authorUserId: ordersStaffId, text: 'Prices checked with purchasing.' });
    const closed = (await staff.request<any>(CLOSE, { t: taskId, r: 'Offer sent.' })).closeTask;
    expect(closed).toMatchObject({ status: 'DONE', resolution: 'Offer sent.', closedAt: expect.any(String) });
    expect((await failure(staff.request(COMMENT, { t: taskId, text: 'late' }))).codes).toEqual(['CONFLICT']);
    expect((await failure(staff.request(ASSIGN, { i: { taskId, assigneeUserId: null } }))).codes).toEqual(['CONFLICT']);

    await deliverToMailbox(rawMail({ id: `late-${tag}@customer.example`, subject: `Re: ${subject}`, inReplyTo: rootId, references: [rootId], text: 'One more question.' }));
    const reopened = await eventually(async () => {
      const t = (await staff.request<any>(TASK, { id: taskId })).task;
      return t.status === 'OPEN' ? t : undefined;
    }, 30_000, 'the task reopened by the reply');
    expect(reopened.messages).toHaveLength(5);
    expect(reopened.closedAt).toBeNull();
    expect(reopened.comments.at(-1)).toEqual({ authorUserId: null, text: expect.stringContaining(`Reopened: a new e-mail from ${customer}`) });
    expect((await failure(staff.request(REOPEN, { t: taskId }))).codes).toEqual(['CONFLICT']);
  });

  it('is linked to the order, return or offer it led to, resolved through the supergraph', async () => {
    const staff = await as('orders@hub.example');
    const order = demo.orders[0];
    const linked = (await staff.request<any>(LINK, { i: { taskId, kind: 'ORDER', targetId: order.id } })).linkTask;
    expect(linked).toMatchObject({ linkKind: 'ORDER', linkId: order.id, order: { id: order.id, number: order.number }, offerId: null, returnRequest: null });
    // From the order's side: the task and its correspondence, for staff; customers get FORBIDDEN for that field only.
    const ORDER_TASKS = `query($id: ID!) { order(id: $id) { number tasks { id messages { messageId } } } }`;
    const fromOrder = (await staff.request<any>(ORDER_TASKS, { id: order.id })).order;
    expect(fromOrder.number).toBe(order.number);
    expect(fromOrder.tasks.find((t: any) => t.id === taskId).messages.map((m: any) => m.messageId)).toContain(rootId);
    const owner = demo.users.find((u) => u.companyId === order.companyId && u.role === 'customer admin')!;
    const asOwner = await (await as(owner.email)).rawRequest<any>(ORDER_TASKS, { id: order.id }).catch((e) => e.response);
    expect(asOwner.data.order).toMatchObject({ number: order.number, tasks: null });
    expect(asOwner.errors.map((e: any) => e.extensions.code)).toEqual(['FORBIDDEN']);
    // The e-mail asked for an offer: the sales rep makes it, and the task points at it through the supergraph.
    const rep = await as('sales@hub.example');
    const [made] = (await rep.request<{ createOffers: Array<{ id: string; number: string }> }>(
      'mutation($i: CreateOffersInput!) { createOffers(input: $i) { id number } }',
      { i: { companyIds: [demo.companies[0].id], title: 'Asked for by e-mail', lines: [{ sku: demo.products[0].sku, quantity: '2', unitPrice: '10.00' }] } },
    )).createOffers;
    const offerId = made.id;
    const offer = (await staff.request<any>(LINK, { i: { taskId, kind: 'OFFER', targetId: offerId } })).linkTask;
    expect(offer).toMatchObject({ linkKind: 'OFFER', offerId, order: null });
    // The rep sees the offer on the task (its number from the orders subgraph), and the task with its e-mail on the offer.
    const TASK_OFFER = 'query($id: ID!) { task(id: $id) { offer { id number status } } }';
    const admin = await as('admin@hub.example');
    expect((await admin.request<any>(TASK_OFFER, { id: taskId })).task.offer).toEqual({ id: offerId, number: made.number, status: 'DRAFT' });
    const OFFER_TASKS = 'query($id: ID!) { offer(id: $id) { number tasks { id messages { messageId } } } }';
    const fromOffer = (await admin.request<any>(OFFER_TASKS, { id: offerId })).offer;
    expect(fromOffer.number).toBe(made.number);
    expect(fromOffer.tasks.find((t: any) => t.id === taskId).messages.map((m: any) => m.messageId)).toContain(rootId);
    // A return the viewer cannot see (here: none with that id) resolves to null, not to someone else's.
    // Finance is asked for the return (number, status): one that does not exist, or is not the viewer's, resolves to null.
    // (Apollo's gateway notes the missing entity in extensions; Hive Gateway reports an error at the return's selection, without a path.)
    const answer = await staff.rawRequest<any>(LINK, { i: { taskId, kind: 'RETURN', targetId: randomUUID() } }).catch((e) => e.response);
    expect(answer.data.linkTask).toMatchObject({ linkKind: 'RETURN', returnRequest: null, offerId: null, order: null });
    for (const error of answer.errors ?? []) if (error.path) expect(error.path.slice(0, 2)).toEqual(['linkTask', 'returnRequest']);
  });

  it('refuses customers, staff without the right, and bad input, changing nothing', async () => {
    const customerUser = await as(demoUser(0, 'customer admin').email);
    const mail = await messageById(rootId);
    const reads: Array<[string, Record<string, unknown>]> = [[MESSAGES, { first: 5 }], [TASK, { id: taskId }], [`{ tasks { id } }`, {}], [`{ departments { id } }`, {}]];
    for (const [query, variables] of reads) {
      const refused = await failure(customerUser.request(query, variables));
      expect(refused.codes).toEqual(['FORBIDDEN']);
    }
    expect((await failure(customerUser.request(CREATE, { i: { messageId: mail.id, kind: 'OTHER' } }))).codes).toEqual(['FORBIDDEN']);
    expect((await failure(customerUser.request(COMMENT, { t: taskId, text: 'hi' }))).codes).toEqual(['FORBIDDEN']);
    expect((await failure((await as('sync@hub.example')).request(TASK, { id: taskId }))).codes).toEqual(['FORBIDDEN']);
    const staff = await as('orders@hub.example');
    expect((await failure(staff.request(DEPARTMENT, { i: { code: 'NOPE', name: 'x' } }))).codes).toEqual(['FORBIDDEN']);

    const admin = await as('admin@hub.example');
    expect(await failure(admin.request(DEPARTMENT, { i: { code: `SALES-${tag.toUpperCase()}`, name: 'Again' } }))).toMatchObject({ codes: ['CONFLICT'] });
    expect(await failure(admin.request(DEPARTMENT, { i: { code: 'a', name: 'x' } }))).toMatchObject({ codes: ['BAD_USER_INPUT'], fields: ['code'] });
    expect(await failure(staff.request(CREATE, { i: { messageId: 'not-a-uuid', kind: 'OTHER' } }))).toMatchObject({ codes: ['BAD_USER_INPUT'], fields: ['messageId'] });
    expect((await failure(staff.request(CREATE, { i: { messageId: randomUUID(), kind: 'OTHER' } }))).codes).toEqual(['NOT_FOUND']);
    const other = await messageById(`other-${tag}@elsewhere.example`);
    expect(await failure(staff.request(CREATE, { i: { messageId: other.id, kind: 'OTHER', title: 'two\nlines' } }))).toMatchObject({ codes: ['BAD_USER_INPUT'], fields: ['title'] });
    expect((await failure(staff.request(CREATE, { i: { messageId: other.id, kind: 'OTHER', departmentId: randomUUID() } }))).codes).toEqual(['NOT_FOUND']);
    // Tasks go to staff only: a customer user is refused as an assignee.
    expect(await failure(staff.request(CREATE, { i: { messageId: other.id, kind: 'CALL_BACK', assigneeUserId: demoUser(0, 'buyer').id } }))).toMatchObject({ codes: ['BAD_USER_INPUT'], fields: ['assigneeUserId'] });
    expect(await failure(staff.request(CLOSE, { t: taskId, o: 'OPEN' }))).toMatchObject({ codes: ['BAD_USER_INPUT'], fields: ['outcome'] });
    expect(await failure(staff.request(COMMENT, { t: taskId, text: '   ' }))).toMatchObject({ codes: ['BAD_USER_INPUT'], fields: ['text'] });
    expect(await failure(staff.request(LINK, { i: { taskId, kind: 'ORDER', targetId: 'x' } }))).toMatchObject({ codes: ['BAD_USER_INPUT'], fields: ['targetId'] });
    expect((await failure(staff.request(TASK, { id: randomUUID() }))).codes).toEqual(['NOT_FOUND']);
    // None of the refused creations made a task from the other mail.
    expect((await messageById(`other-${tag}@elsewhere.example`)).taskId).toBeNull();
  });
});
