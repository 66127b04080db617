import { buildSchema } from 'graphql';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { loadAuthSecrets } from '@hub/auth';
import { SubscriptionFanout } from './subscription-fanout';
import { startSubscriptionServer, SubscriptionServerOptions, subscriptionSettingsFromEnv } from './subscription-server';

/** The connection rules of the subscription server, on a bare HTTP server (no subscription is made, so no fanout is needed). */
async function serve(settings: Partial<SubscriptionServerOptions>) {
  const httpServer = http.createServer();
  const server = startSubscriptionServer({
    httpServer,
    path: '/graphql',
    schema: buildSchema('type Query { a: Int } type Subscription { b: Int }'),
    routes: {},
    secrets: loadAuthSecrets(),
    fanout: {} as SubscriptionFanout,
    validationRules: [],
    ...settings,
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const url = `ws://127.0.0.1:${(httpServer.address() as AddressInfo).port}/graphql`;
  const sockets: WebSocket[] = [];
  /** Resolves with 'ack' or the close code. */
  const connect = () =>
    new Promise<'ack' | number>((resolve) => {
      const socket = new WebSocket(url, 'graphql-transport-ws');
      sockets.push(socket);
      socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} })));
      socket.on('message', (data) => JSON.parse(data.toString()).type === 'connection_ack' && resolve('ack'));
      socket.once('close', (code) => resolve(code));
    });
  return {
    connect,
    stop: async () => {
      sockets.forEach((s) => s.terminate());
      await server.stop();
      await new Promise((resolve) => httpServer.close(resolve));
    },
  };
}

describe('the subscription server', () => {
  it('refuses connections without a token by default (4401)', async () => {
    const running = await serve({});
    try {
      expect(await running.connect()).toBe(4401);
    } finally {
      await running.stop();
    }
  });

  it('acknowledges them where the deployment allows anonymous subscriptions (a public shop)', async () => {
    const running = await serve({ allowAnonymous: true });
    try {
      expect(await running.connect()).toBe('ack');
    } finally {
      await running.stop();
    }
  });

  it('caps the connections per client address: the one over the cap gets 4429', async () => {
    const running = await serve({ allowAnonymous: true, maxConnectionsPerAddress: 2 });
    try {
      expect(await running.connect()).toBe('ack');
      expect(await running.connect()).toBe('ack');
      expect(await running.connect()).toBe(4429);
    } finally {
      await running.stop();
    }
  });
});

describe('subscriptionSettingsFromEnv', () => {
  it('reads HUB_ANONYMOUS_SUBSCRIPTIONS and the caps', () => {
    expect(subscriptionSettingsFromEnv({})).toEqual({ allowAnonymous: false, maxConnectionsPerUser: undefined, maxConnectionsPerAddress: undefined });
    expect(subscriptionSettingsFromEnv({ HUB_ANONYMOUS_SUBSCRIPTIONS: 'true', HUB_WS_CONNECTIONS_PER_USER: '5', HUB_WS_CONNECTIONS_PER_ADDRESS: '70' })).toEqual({ allowAnonymous: true, maxConnectionsPerUser: 5, maxConnectionsPerAddress: 70 });
  });

  it('refuses values it cannot read', () => {
    expect(() => subscriptionSettingsFromEnv({ HUB_ANONYMOUS_SUBSCRIPTIONS: 'yes' })).toThrow('HUB_ANONYMOUS_SUBSCRIPTIONS must be true or false, not "yes".');
    expect(() => subscriptionSettingsFromEnv({ HUB_WS_CONNECTIONS_PER_USER: '0' })).toThrow('HUB_WS_CONNECTIONS_PER_USER must be a positive integer, not "0".');
  });
});
