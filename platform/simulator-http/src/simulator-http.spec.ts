import http from 'node:http';
import { AddressInfo } from 'node:net';
import { bearerKeyMatches, readBodyText, sendJson } from './simulator-http';

describe('simulator HTTP plumbing', () => {
  it('answers JSON with its length, and reads a body within the limit or refuses it with the caller\'s error', async () => {
    const server = http.createServer((req, res) => {
      readBodyText(req, 10, () => new Error('too large')).then(
        (text) => sendJson(res, 200, { echo: text }, { 'x-seen': 'yes' }),
        (error: Error) => sendJson(res, 413, { error: error.message }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      const small = await fetch(url, { method: 'POST', body: 'ünï' });
      expect({ status: small.status, type: small.headers.get('content-type'), seen: small.headers.get('x-seen'), length: small.headers.get('content-length'), body: await small.json() })
        .toEqual({ status: 200, type: 'application/json; charset=utf-8', seen: 'yes', length: String(Buffer.byteLength(JSON.stringify({ echo: 'ünï' }))), body: { echo: 'ünï' } });
      const large = await fetch(url, { method: 'POST', body: 'x'.repeat(11) });
      expect({ status: large.status, body: await large.json() }).toEqual({ status: 413, body: { error: 'too large' } });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('matches only the exact bearer key', () => {
    expect(bearerKeyMatches('Bearer k-1', 'k-1')).toBe(true);
    expect(bearerKeyMatches('Bearer k-2', 'k-1')).toBe(false);
    expect(bearerKeyMatches('k-1', 'k-1')).toBe(false);
    expect(bearerKeyMatches(undefined, 'k-1')).toBe(false);
  });
});
