import http from 'node:http';
import net from 'node:net';
import { AddressInfo } from 'node:net';
import { ConnectionGuardOptions, guardConnections } from './connection-guard';

/** A server whose answers are `size` bytes, guarded as the gateway is (with the given caps). */
async function serve(size: number, caps: Partial<ConnectionGuardOptions>) {
  const server = http.createServer();
  const handled = { requests: 0 };
  const counters = guardConnections(server, (_req, res) => {
    handled.requests++;
    // Answered a moment later, as the gateway's operations are: pipelined requests wait meanwhile.
    setTimeout(() => res.end(Buffer.alloc(size, 120)), 5);
  }, caps);
  server.once('close', () => counters.stop());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, counters, server, handled };
}

/**
 * A raw client that writes `count` pipelined GETs at once and reads nothing (a paused socket does not
 * even see the server's FIN), until `done()` holds or `waitMs` pass; then it says whether the server
 * still holds the connection.
 */
async function pipeline(server: http.Server, port: number, count: number, done: () => boolean, waitMs: number): Promise<'dropped by the server' | 'still held'> {
  const socket = net.connect(port, '127.0.0.1', () => {
    socket.pause(); // never read: the answers pile up
    socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n'.repeat(count));
  });
  socket.on('error', () => undefined);
  const deadline = Date.now() + waitMs;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  const held = await new Promise<number>((resolve) => server.getConnections((_e, n) => resolve(n)));
  socket.destroy();
  return held === 0 ? 'dropped by the server' : 'still held';
}

describe('guardConnections', () => {
  it('cuts off a connection that pipelines more requests than the cap', async () => {
    const { port, counters, server, handled } = await serve(10, { maxPipelined: 16, maxBufferedBytes: 64 * 1024 * 1024 });
    try {
      // Small answers: the kernel takes them all, so only the request count can trip the guard.
      expect(await pipeline(server, port, 200, () => counters.pipelineCutOffs > 0, 5000)).toBe('dropped by the server');
      expect(counters).toMatchObject({ pipelineCutOffs: 1, slowReaderCutOffs: 0 });
      // Pipelined requests run one at a time: the connection was cut off while the first ran, so no other one started.
      expect(handled.requests).toBe(1);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('so pipelined answers held in memory stay bounded by the cap, however large each is', async () => {
    const { port, counters, server } = await serve(1024 * 1024, { maxPipelined: 4, maxBufferedBytes: 1024 * 1024 * 1024 });
    try {
      // 64 answers of 1 MiB asked for at once, none read: cut off at the fifth, so at most 4 MiB were ever held.
      expect(await pipeline(server, port, 64, () => counters.pipelineCutOffs > 0, 5000)).toBe('dropped by the server');
      expect(counters).toMatchObject({ pipelineCutOffs: 1, slowReaderCutOffs: 0 });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('cuts off a connection that leaves more than the byte cap unread for two sweeps', async () => {
    const { port, counters, server } = await serve(32 * 1024 * 1024, { maxPipelined: 16, maxBufferedBytes: 2 * 1024 * 1024, sweepMs: 200 });
    try {
      // One answer of 32 MiB, unread: far more than the kernel's socket buffers take.
      expect(await pipeline(server, port, 1, () => counters.slowReaderCutOffs > 0, 10_000)).toBe('dropped by the server');
      expect(counters).toMatchObject({ pipelineCutOffs: 0, slowReaderCutOffs: 1 });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('cuts off a connection that reads none of its waiting answers for the stall time, under the byte cap', async () => {
    const { port, counters, server } = await serve(8 * 1024 * 1024, { maxPipelined: 16, maxBufferedBytes: 64 * 1024 * 1024, stallMs: 600, sweepMs: 100 });
    try {
      expect(await pipeline(server, port, 1, () => counters.slowReaderCutOffs > 0, 10_000)).toBe('dropped by the server');
      expect(counters).toMatchObject({ pipelineCutOffs: 0, slowReaderCutOffs: 1 });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('leaves an idle keep-alive connection alone (nothing waits to be read)', async () => {
    const { port, counters, server } = await serve(100, { stallMs: 200, sweepMs: 50 });
    try {
      const socket = net.connect(port, '127.0.0.1');
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
      await new Promise<void>((resolve) => socket.once('data', () => resolve()));
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(socket.destroyed).toBe(false);
      expect(counters).toMatchObject({ pipelineCutOffs: 0, slowReaderCutOffs: 0 });
      socket.destroy();
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('leaves a client that reads its pipelined answers alone', async () => {
    const { port, counters, server } = await serve(1024 * 1024, { maxPipelined: 16, maxBufferedBytes: 2 * 1024 * 1024 });
    try {
      const received = await new Promise<number>((resolve, reject) => {
        let bytes = 0;
        const socket = net.connect(port, '127.0.0.1', () => socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n'.repeat(8)));
        socket.on('data', (chunk) => {
          bytes += chunk.length;
          if (bytes >= 8 * 1024 * 1024) {
            socket.destroy();
            resolve(bytes);
          }
        });
        socket.once('error', reject);
        socket.once('close', () => resolve(bytes));
      });
      expect(received).toBeGreaterThanOrEqual(8 * 1024 * 1024);
      expect(counters).toMatchObject({ pipelineCutOffs: 0, slowReaderCutOffs: 0 });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
