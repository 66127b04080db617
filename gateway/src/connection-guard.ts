import http from 'node:http';
import type { Socket } from 'node:net';

export interface ConnectionGuardOptions {
  /** Requests one connection may have waiting for their answers (HTTP pipelining); one more cuts it off. */
  maxPipelined: number;
  /** Answer bytes a connection may leave unread in the gateway's memory for longer than a sweep; more cuts it off. */
  maxBufferedBytes: number;
  /** How often connections' unread bytes are looked at (ms). */
  sweepMs: number;
}

export const DEFAULT_CONNECTION_GUARD: ConnectionGuardOptions = { maxPipelined: 16, maxBufferedBytes: 4 * 1024 * 1024, sweepMs: 1000 };

export interface ConnectionGuard {
  /** Connections cut off for pipelining more than the cap. */
  pipelineCutOffs: number;
  /** Connections cut off for not reading their answers. */
  slowReaderCutOffs: number;
  stop(): void;
}

/**
 * Keeps one HTTP client from holding the gateway's memory. Node answers pipelined requests in order
 * and keeps every later answer in memory until the earlier ones are read, so a client that sends many
 * requests and never reads grows the process without bound: such a connection is destroyed (not
 * drained) as soon as it has more than `maxPipelined` requests waiting. A connection that leaves more
 * than `maxBufferedBytes` unread in two sweeps running is destroyed too. Every other connection is
 * untouched.
 */
export function guardConnections(server: http.Server, options: Partial<ConnectionGuardOptions> = {}): ConnectionGuard {
  const caps = { ...DEFAULT_CONNECTION_GUARD, ...options };
  const waiting = new WeakMap<Socket, number>();
  const open = new Set<Socket>();
  const overOnLastSweep = new WeakSet<Socket>();
  const guard: ConnectionGuard = { pipelineCutOffs: 0, slowReaderCutOffs: 0, stop: () => clearInterval(sweep) };

  server.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  });
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const socket = req.socket;
    if (socket.destroyed) return;
    const count = (waiting.get(socket) ?? 0) + 1;
    waiting.set(socket, count);
    if (count > caps.maxPipelined) {
      guard.pipelineCutOffs++;
      socket.destroy();
      return;
    }
    let counted = true;
    const done = () => {
      if (!counted) return;
      counted = false;
      waiting.set(socket, Math.max(0, (waiting.get(socket) ?? 1) - 1));
    };
    res.once('finish', done);
    res.once('close', done);
  });
  const sweep = setInterval(() => {
    for (const socket of open) {
      if (socket.writableLength <= caps.maxBufferedBytes) {
        overOnLastSweep.delete(socket);
      } else if (overOnLastSweep.has(socket)) {
        guard.slowReaderCutOffs++;
        socket.destroy();
      } else {
        overOnLastSweep.add(socket);
      }
    }
  }, caps.sweepMs);
  sweep.unref();
  server.once('close', () => clearInterval(sweep));
  return guard;
}
