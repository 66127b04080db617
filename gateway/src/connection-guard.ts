import http from 'node:http';
import type { Socket } from 'node:net';

export interface ConnectionGuardOptions {
  /** Requests one connection may have waiting for their answers (HTTP pipelining); one more cuts it off. */
  maxPipelined: number;
  /** Answer bytes a connection may leave unread in the gateway's memory for longer than a sweep; more cuts it off. */
  maxBufferedBytes: number;
  /** A connection with answers waiting that reads nothing at all for this long is cut off (ms). */
  stallMs: number;
  /** How often connections' unread bytes are looked at (ms). */
  sweepMs: number;
}

export const DEFAULT_CONNECTION_GUARD: ConnectionGuardOptions = { maxPipelined: 8, maxBufferedBytes: 4 * 1024 * 1024, stallMs: 10_000, sweepMs: 1000 };

export interface ConnectionGuard {
  /** Connections cut off for pipelining more than the cap. */
  pipelineCutOffs: number;
  /** Connections cut off for not reading their answers (too many bytes unread, or none read for stallMs). */
  slowReaderCutOffs: number;
  stop(): void;
}

/**
 * Keeps one HTTP client from holding the gateway's memory. Node answers pipelined requests in order
 * and keeps every later answer in memory until the earlier ones are read, so a client that sends many
 * requests and never reads grows the process without bound: such a connection is destroyed (not
 * drained) as soon as it has more than `maxPipelined` requests waiting. Node stops reading from a
 * connection whose answers pile up, which bounds the memory but holds the socket and what it buffered
 * for as long as the client likes: a connection that leaves more than `maxBufferedBytes` unread in two
 * sweeps running, or has answers waiting and takes none of them for `stallMs`, is destroyed too.
 * Every other connection (a slow download that moves, an idle keep-alive) is untouched.
 *
 * The guard hands requests to `handler` itself (the server must have no other request listener):
 * Node parses every pipelined request of a chunk it has read, even after the socket is destroyed,
 * and a request handler registered beside the guard would still execute each of them (measured: the
 * gateway's heap kept growing for 20 s after the abusive clients had gone).
 */
export function guardConnections(server: http.Server, handler: http.RequestListener, options: Partial<ConnectionGuardOptions> = {}): ConnectionGuard {
  const caps = { ...DEFAULT_CONNECTION_GUARD, ...options };
  const waiting = new WeakMap<Socket, number>();
  const open = new Set<Socket>();
  const overOnLastSweep = new WeakSet<Socket>();
  // Bytes the kernel has taken from each connection, and since when that figure has not moved while answers wait.
  const progress = new WeakMap<Socket, { flushed: number; since: number }>();
  const guard: ConnectionGuard = { pipelineCutOffs: 0, slowReaderCutOffs: 0, stop: () => clearInterval(sweep) };

  server.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  });
  // Pipelined requests of one connection run one after the other (their answers go out in order
  // anyway): a connection cut off leaves at most one operation running, and the rest never start.
  const queues = new WeakMap<Socket, Array<[http.IncomingMessage, http.ServerResponse]>>();
  const runNext = (socket: Socket) => {
    const queue = queues.get(socket);
    const next = queue?.shift();
    if (!next) return;
    const [req, res] = next;
    let finished = false;
    const done = () => {
      if (finished) return;
      finished = true;
      waiting.set(socket, Math.max(0, (waiting.get(socket) ?? 1) - 1));
      if (!socket.destroyed) runNext(socket);
    };
    res.once('finish', done);
    res.once('close', done);
    handler(req, res);
  };
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const socket = req.socket;
    // A request of a connection already cut off is never run.
    if (socket.destroyed) return;
    const count = (waiting.get(socket) ?? 0) + 1;
    waiting.set(socket, count);
    if (count > caps.maxPipelined) {
      guard.pipelineCutOffs++;
      queues.delete(socket);
      socket.destroy();
      return;
    }
    let queue = queues.get(socket);
    if (!queue) {
      queues.set(socket, (queue = []));
      socket.once('close', () => queues.delete(socket));
    }
    queue.push([req, res]);
    if (count === 1) runNext(socket);
  });
  const cut = (socket: Socket) => {
    guard.slowReaderCutOffs++;
    socket.destroy();
  };
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const socket of open) {
      if (socket.writableLength <= caps.maxBufferedBytes) {
        overOnLastSweep.delete(socket);
      } else if (overOnLastSweep.has(socket)) {
        cut(socket);
        continue;
      } else {
        overOnLastSweep.add(socket);
      }
      const waitingAnswers = socket.writableLength > 0 || (waiting.get(socket) ?? 0) > 0;
      const flushed = socket.bytesWritten - socket.writableLength;
      const last = progress.get(socket);
      if (!waitingAnswers || !last || last.flushed !== flushed) progress.set(socket, { flushed, since: now });
      else if (now - last.since >= caps.stallMs && socket.writableLength > 0) cut(socket);
    }
  }, caps.sweepMs);
  sweep.unref();
  server.once('close', () => clearInterval(sweep));
  return guard;
}
