import net from 'node:net';
import { demoUser, gatewayUrl, tokenFor } from './support/hub-client';
import { scrape, sampleValue } from './support/prometheus';
import { eventually } from './support/staff-client';

/**
 * The probe's slow reader through the real gateway: a client that pipelines requests and never
 * reads an answer is cut off (counted in /metrics), instead of having its answers buffered.
 */
const cutOffs = async (reason: string): Promise<number> => {
  const metrics = await scrape(new URL('/metrics', gatewayUrl()).toString());
  return sampleValue(metrics, 'hub_gateway_connections_cut_off', { reason });
};

describe('HTTP connections at the gateway', () => {
  it('cuts off a client that pipelines 40 requests and reads none of the answers', async () => {
    const before = await cutOffs('pipelined');
    const url = new URL(gatewayUrl());
    const body = JSON.stringify({ query: '{ products(first: 50) { totalCount edges { node { id sku price { amount } } } } }' });
    const token = await tokenFor(demoUser(0, 'buyer').email);
    const request = `POST ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nAuthorization: Bearer ${token}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    const socket = net.connect(Number(url.port), url.hostname, () => {
      socket.pause();
      socket.write(request.repeat(40));
    });
    socket.on('error', () => undefined);
    try {
      expect(await eventually(async () => ((await cutOffs('pipelined')) > before ? true : undefined), 10_000, 'the gateway to cut the connection off')).toBe(true);
    } finally {
      socket.destroy();
    }
  });

  it('answers a client that pipelines a few requests and reads them, in order', async () => {
    const url = new URL(gatewayUrl());
    const body = JSON.stringify({ query: '{ __typename }' });
    const request = `POST ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    const answers = await new Promise<number>((resolve, reject) => {
      let text = '';
      const socket = net.connect(Number(url.port), url.hostname, () => socket.write(request.repeat(5)));
      socket.on('data', (chunk) => {
        text += chunk.toString();
        const n = (text.match(/"__typename":"Query"/g) ?? []).length;
        if (n === 5) {
          socket.destroy();
          resolve(n);
        }
      });
      socket.once('error', reject);
    });
    expect(answers).toBe(5);
  });
});
