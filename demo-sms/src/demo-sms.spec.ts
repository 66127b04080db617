import { HttpSmsGateway, SmsGatewayError } from '@hub/sms-contract';
import { DemoSmsHandle, startDemoSms } from './server';

async function admin(gateway: DemoSmsHandle, method: string, path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${gateway.url}${path}`, { method, headers: { authorization: `Bearer ${gateway.adminKey}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

const failureOf = (promise: Promise<unknown>) => promise.then(() => null, (error: SmsGatewayError) => ({ status: error.status, code: error.code, permanent: error.permanent }));

describe('the demo SMS gateway, through the SMS contract', () => {
  let gateway: DemoSmsHandle;
  let client: HttpSmsGateway;
  beforeEach(async () => {
    gateway = await startDemoSms();
    client = new HttpSmsGateway({ baseUrl: gateway.url, apiKey: gateway.apiKey });
  });
  afterEach(() => gateway.stop());

  it('accepts a message once per reference, keeps it, and tells its status', async () => {
    const sent = await client.send({ to: '+46701234567', from: 'ERPhub', body: 'Order SO-1 confirmed', reference: 'msg-1' });
    expect(sent).toMatchObject({ id: 'SM00000001', status: 'accepted', to: '+46701234567', body: 'Order SO-1 confirmed' });
    expect(await client.send({ to: '+46701234567', from: 'ERPhub', body: 'Order SO-1 confirmed', reference: 'msg-1' })).toEqual(sent);
    expect(await admin(gateway, 'GET', '/admin/messages?to=%2B46701234567')).toEqual([sent]);
    await admin(gateway, 'POST', '/admin/deliver');
    expect((await client.status(sent.id)).status).toBe('delivered');
  });

  it('refuses a bad request and a refused number for good, and is down (worth retrying) on request', async () => {
    expect(await failureOf(client.send({ to: '0701234567', from: 'ERPhub', body: 'x', reference: 'r1' }))).toEqual({ status: 400, code: 'INVALID_REQUEST', permanent: true });
    await admin(gateway, 'POST', '/admin/faults', { refusedNumbers: ['+46700000000'] });
    expect(await failureOf(client.send({ to: '+46700000000', from: 'ERPhub', body: 'x', reference: 'r2' }))).toEqual({ status: 422, code: 'NUMBER_REFUSED', permanent: true });
    await admin(gateway, 'POST', '/admin/faults', { down: true });
    expect(await failureOf(client.send({ to: '+46701234567', from: 'ERPhub', body: 'x', reference: 'r3' }))).toEqual({ status: 503, code: 'UNAVAILABLE', permanent: false });
    expect(await failureOf(new HttpSmsGateway({ baseUrl: gateway.url, apiKey: 'wrong' }).status('SM1'))).toMatchObject({ status: 503 });
    await admin(gateway, 'DELETE', '/admin/faults');
    expect(await failureOf(new HttpSmsGateway({ baseUrl: gateway.url, apiKey: 'wrong' }).status('SM1'))).toEqual({ status: 401, code: 'UNAUTHORIZED', permanent: false });
    expect(await admin(gateway, 'GET', '/admin/messages')).toEqual([]);
  });
});
