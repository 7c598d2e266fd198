// A plain static file server on its own port, for pages that live on another site than the FAPI server
// (an app on http://localhost:<port> using the server at http://127.0.0.1:<port>, as a Vite dev server would).
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css',
  '.map': 'application/json',
  '.json': 'application/json',
};

export interface StaticSite {
  /** `http://localhost:<port>`: another site than `http://127.0.0.1:<port>`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1 with no CSP of its own; `url` names it by `localhost`. */
export async function serveSite(dir: string): Promise<StaticSite> {
  const server: Server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = join(dir, path === sep || path === '/' ? 'index.html' : path);
    if (!file.startsWith(dir)) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return { url: `http://localhost:${port}`, port, close: () => new Promise<void>((r) => server.close(() => r())) };
}
