import WebSocket from 'ws';
import { as, demoUser, tokenFor } from './support/hub-client';
import { createCoworker, login, uniqueEmail } from './support/coworkers';
import { eventually } from './support/staff-client';
import { gatewayWsUrl } from './support/subscription-client';

/**
 * Who may hold a WebSocket at the gateway (the test hub runs with the defaults: no anonymous
 * subscriptions, 50 connections per user). Raw sockets, so the test sees the close codes and
 * reasons a client would: 4401 with a GraphQL error as reason for a refused token, 4429 over a cap.
 */
interface RawConnection {
  socket: WebSocket;
  /** Resolves true on connection_ack, false when closed first. */
  acked: Promise<boolean>;
  closed: Promise<{ code: number; reason: { message?: string; extensions?: { code?: string } } | null; at: number }>;
}

function connect(authorization?: string): RawConnection {
  const socket = new WebSocket(gatewayWsUrl(), 'graphql-transport-ws');
  const closed = new Promise<RawConnection extends { closed: Promise<infer C> } ? C : never>((resolve) => {
    socket.once('close', (code, reason) => {
      let parsed = null;
      try {
        parsed = JSON.parse(reason.toString());
      } catch {
        parsed = null;
      }
      resolve({ code, reason: parsed, at: Date.now() });
    });
  });
  const acked = new Promise<boolean>((resolve) => {
    socket.on('message', (data) => {
      if (JSON.parse(data.toString()).type === 'connection_ack') resolve(true);
    });
    void closed.then(() => resolve(false));
  });
  socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: authorization ? { authorization } : {} })));
  return { socket, acked, closed };
}

describe('WebSocket access at the gateway', () => {
  const admin = demoUser(0, 'customer admin');
  const sockets: WebSocket[] = [];
  const open = (authorization?: string) => {
    const connection = connect(authorization);
    sockets.push(connection.socket);
    return connection;
  };
  afterAll(() => sockets.forEach((s) => s.terminate()));

  it('refuses connection_init without a token: 4401 and UNAUTHENTICATED (anonymous subscriptions are off by default)', async () => {
    const connection = open();
    expect(await connection.acked).toBe(false);
    expect(await connection.closed).toMatchObject({ code: 4401, reason: { extensions: { code: 'UNAUTHENTICATED' }, message: 'Subscriptions need a token (connectionParams.authorization).' } });
  });

  it('refuses a malformed or forged token the same way', async () => {
    for (const authorization of ['Bearer not-a-token', 'Basic abc']) {
      const connection = open(authorization);
      expect(await connection.acked).toBe(false);
      expect((await connection.closed).code).toBe(4401);
    }
  });

  it("refuses a deactivated user's token at connection_init, and closes that user's open connections at once", async () => {
    const email = uniqueEmail('ws-leaver');
    const user = await createCoworker(admin.email, { email, name: 'WS Leaver', roles: ['BUYER'], password: 'coworker-password-1' });
    const token = await login(email);
    const before = [open(`Bearer ${token}`), open(`Bearer ${token}`)];
    expect(await Promise.all(before.map((c) => c.acked))).toEqual([true, true]);

    const adminApi = await as(admin.email);
    await adminApi.request('mutation($id: ID!) { deactivateUser(id: $id) { active } }', { id: user.id });
    const answeredAt = Date.now();
    const closes = await Promise.all(before.map((c) => c.closed));
    for (const close of closes) expect(close).toMatchObject({ code: 4401, reason: { extensions: { code: 'UNAUTHENTICATED' }, message: 'This session has ended; sign in again.' } });
    // Closed by the revocation event, not by a timeout of some kind: well before any token expiry or ping interval.
    expect(Math.max(...closes.map((c) => c.at - answeredAt))).toBeLessThan(10_000);

    const after = open(`Bearer ${token}`);
    expect(await after.acked).toBe(false);
    expect(await after.closed).toMatchObject({ code: 4401, reason: { message: 'This session has ended; sign in again.' } });
  });

  it('caps the connections one user holds open: the 51st gets 4429 RATE_LIMITED; closing one makes room', async () => {
    const email = uniqueEmail('ws-many');
    await createCoworker(admin.email, { email, name: 'WS Many', roles: ['BUYER'], password: 'coworker-password-1' });
    const token = await login(email);
    const fifty = Array.from({ length: 50 }, () => open(`Bearer ${token}`));
    expect((await Promise.all(fifty.map((c) => c.acked))).every(Boolean)).toBe(true);
    const extra = open(`Bearer ${token}`);
    expect(await extra.acked).toBe(false);
    expect(await extra.closed).toMatchObject({ code: 4429, reason: { extensions: { code: 'RATE_LIMITED' }, message: 'At most 50 connections per user.' } });
    // Another user is not affected by this one's cap.
    expect(await open(`Bearer ${await tokenFor(admin.email)}`).acked).toBe(true);
    fifty[0].socket.close();
    await fifty[0].closed;
    const again = await eventually(async () => {
      const attempt = open(`Bearer ${token}`);
      return (await attempt.acked) ? attempt : undefined;
    }, 5000, 'a freed slot');
    expect(again.socket.readyState).toBe(WebSocket.OPEN);
  });

  it('refuses a message larger than the limit by closing the socket (1009), without buffering it', async () => {
    const token = await tokenFor(admin.email);
    const connection = open(`Bearer ${token}`);
    expect(await connection.acked).toBe(true);
    connection.socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: `subscription { myOrdersChanged { id } } # ${'x'.repeat(2 * 1024 * 1024)}` } }));
    expect((await connection.closed).code).toBe(1009);
  });
});
