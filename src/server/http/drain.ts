// Graceful shutdown of the HTTP server. Node's own `server.close()` destroys every connection that has no request in
// progress at that instant, including one that was just accepted and whose request is still in its buffer: that
// request was sent and would be lost. So the drain stops listening itself, closes connections only once they have
// been quiet for a moment, sends every answer not yet started with `Connection: close`, and cuts whatever is
// left when the grace period ends.
import { Server as NetServer, type Socket } from 'node:net';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** How long a connection with nothing in flight may stay open during a drain (its request may still be unparsed). */
const QUIET_MS = 250;
const SWEEP_MS = 50;

export interface Drain {
  /** Whether shutdown began. */
  readonly draining: boolean;
  /** Call first for every request: counts it on its connection until its answer is sent. */
  onRequest(req: IncomingMessage, res: ServerResponse): void;
  /** Stops listening and waits for the connections to finish, for at most `graceMs`; then cuts the rest. */
  drain(graceMs: number): Promise<void>;
}

export function connectionDrain(server: Server): Drain {
  const open = new Map<Socket, { busy: number; quietSince: number }>();
  /** Answers not sent yet: when the drain begins they too are asked to close their connection. */
  const pending = new Set<ServerResponse>();
  server.on('connection', (socket: Socket) => {
    open.set(socket, { busy: 0, quietSince: Date.now() });
    socket.once('close', () => open.delete(socket));
  });
  let draining = false;
  return {
    get draining() {
      return draining;
    },
    onRequest(req, res) {
      const state = open.get(req.socket);
      if (state) state.busy += 1;
      pending.add(res);
      res.once('close', () => {
        pending.delete(res);
        if (!state) return;
        state.busy -= 1;
        state.quietSince = Date.now();
      });
      if (draining) res.shouldKeepAlive = false;
    },
    async drain(graceMs) {
      draining = true;
      for (const res of pending) if (!res.headersSent) res.shouldKeepAlive = false;
      // net.Server's close: stop accepting, without http.Server's sweep of connections that look idle.
      const closed = new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()));
      const sweep = setInterval(() => {
        const now = Date.now();
        for (const [socket, s] of open) if (s.busy === 0 && now - s.quietSince >= QUIET_MS) socket.destroy();
      }, SWEEP_MS);
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([closed, new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
      clearInterval(sweep);
      for (const socket of open.keys()) socket.destroy(); // past the grace period: whatever is still open is cut
      await closed;
    },
  };
}
