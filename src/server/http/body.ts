// Reading request bodies: bounded in size, and a client that hangs up halfway is its own fault, not a server error.
// Not hono/body-limit: for a body without Content-Length it buffers the stream itself (and a hang-up mid-body
// escapes it as a 500), and the body would still have to be read again after it.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../routes/respond.js';
import { Errors } from '../errors.js';
import { MAX_BODY_BYTES, Params, parseBody, type RawValue } from './params.js';
import { log } from '../log.js';

/**
 * The request body as text, at most MAX_BODY_BYTES (413 beyond). When the client closes the connection before the
 * body is complete, one short line is logged and a 400 is thrown (nobody is left to read it): error logs and
 * 5xx counts stay for server faults.
 */
export async function readBody(req: Request, path: string): Promise<string> {
  const length = req.headers.get('content-length');
  const declared = Number(length ?? '0');
  if (declared > MAX_BODY_BYTES) throw Errors.bodyTooLarge(MAX_BODY_BYTES);
  // Most token and session calls carry no body: skip the stream machinery for them.
  if (!req.body || (declared === 0 && (length !== null || !req.headers.has('transfer-encoding')))) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      // The only way a request body stream fails: the socket closed (or broke) before the body was complete.
      log.warn({ method: req.method, path: path.slice(0, 200), bytes: size }, 'http: the client closed the connection mid-body');
      throw Errors.bodyIncomplete();
    }
    if (chunk.done) break;
    size += chunk.value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw Errors.bodyTooLarge(MAX_BODY_BYTES);
    }
    chunks.push(chunk.value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Sets `c.var.params`: the query string and the body (form or JSON), read once. */
export function requestParams(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = c.get('url');
    const req = c.req.raw;
    const query: Record<string, RawValue> = Object.fromEntries(url.searchParams);
    const text = req.method === 'GET' || req.method === 'HEAD' ? '' : await readBody(req, url.pathname);
    c.set('params', new Params(query, parseBody(req.headers.get('content-type'), text)));
    await next();
  };
}
