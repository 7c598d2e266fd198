// Reading request bodies: bounded in size, and a client that hangs up halfway is its own fault, not a server error.
// Not hono/body-limit: for a body without Content-Length it buffers the stream itself (and a hang-up mid-body
// escapes it as a 500), and the body would still have to be read again after it.
// Uploads (multipart/form-data or application/octet-stream to an upload path) are read the same way with a larger
// bound, and only once the route has found the caller (`c.var.upload()`), so no anonymous request makes the server
// hold megabytes; the multipart body is then parsed by the platform's FormData parser.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../routes/respond.js';
import { ApiError, Errors } from '../errors.js';
import { MAX_BODY_BYTES, Params, parseBody, type RawValue, type UploadedFile } from './params.js';
import { log } from '../log.js';

/** The largest file an upload may carry (Clerk's limit for profile images). */
export const MAX_UPLOAD_FILE_BYTES = 10 * 1024 * 1024;
/** A multipart body: the file plus its part headers, boundaries and a few small fields. */
const MAX_MULTIPART_BYTES = MAX_UPLOAD_FILE_BYTES + 64 * 1024;
/** An octet-stream body: the file, or the file as base64 (4 characters per 3 bytes), possibly a `data:` URL. */
const MAX_OCTET_BYTES = Math.ceil(MAX_UPLOAD_FILE_BYTES / 3) * 4 + 1024;

/** FAPI and Backend API paths that take a file upload. */
const UPLOAD_PATH = /^\/v1\/(me|users\/[^/]+)\/profile_image$/;

/** The body's media type, lower-cased, without parameters. */
function mediaType(req: Request): string {
  return (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

/** True when the request is an upload the route reads itself (after authentication), with `readUpload`. */
export function isUpload(req: Request, pathname: string): boolean {
  const type = mediaType(req);
  return (type === 'multipart/form-data' || type === 'application/octet-stream') && req.method !== 'GET' && req.method !== 'HEAD' && UPLOAD_PATH.test(pathname);
}

/**
 * The request body's bytes, at most `max` (`tooLarge` beyond: 413). When the client closes the connection before the
 * body is complete, one short line is logged and a 400 is thrown (nobody is left to read it): error logs and
 * 5xx counts stay for server faults.
 */
async function readBytes(req: Request, path: string, max: number, tooLarge: () => ApiError): Promise<Buffer> {
  const length = req.headers.get('content-length');
  const declared = Number(length ?? '0');
  if (declared > max) throw tooLarge();
  // Most token and session calls carry no body: skip the stream machinery for them.
  if (!req.body || (declared === 0 && (length !== null || !req.headers.has('transfer-encoding')))) return Buffer.alloc(0);
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
    if (size > max) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(chunk.value);
  }
  return Buffer.concat(chunks);
}

/** The request body as text, at most MAX_BODY_BYTES (413 beyond). */
export async function readBody(req: Request, path: string): Promise<string> {
  return (await readBytes(req, path, MAX_BODY_BYTES, () => Errors.bodyTooLarge(MAX_BODY_BYTES))).toString('utf8');
}

const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

/** An octet-stream body: the file's bytes, or (as clerk-js sends a string `file`) its base64, possibly a `data:` URL. */
function octetFile(bytes: Buffer): UploadedFile {
  const text = bytes.toString('latin1').trim();
  const base64 = text.startsWith('data:') ? text.slice(text.indexOf(',') + 1) : text;
  const compact = base64.replace(/\s+/g, '');
  if (compact.length > 0 && BASE64.test(compact))
    return { name: '', bytes: Buffer.from(compact, compact.includes('-') || compact.includes('_') ? 'base64url' : 'base64') };
  return { name: '', bytes };
}

/** Reads an upload's body (see isUpload): its plain fields and its files. A file over MAX_UPLOAD_FILE_BYTES is a 413. */
export async function readUpload(req: Request, path: string): Promise<{ fields: Record<string, RawValue>; files: Map<string, UploadedFile> }> {
  const type = mediaType(req);
  const multipart = type === 'multipart/form-data';
  const bytes = await readBytes(req, path, multipart ? MAX_MULTIPART_BYTES : MAX_OCTET_BYTES, () => Errors.fileTooLarge(MAX_UPLOAD_FILE_BYTES, true));
  const fields: Record<string, RawValue> = {};
  const files = new Map<string, UploadedFile>();
  if (!multipart) {
    if (bytes.length > 0) files.set('file', octetFile(bytes));
  } else if (bytes.length > 0) {
    let form: FormData;
    try {
      form = await new Response(bytes as unknown as BodyInit, { headers: { 'content-type': req.headers.get('content-type')! } }).formData();
    } catch {
      throw Errors.bodyInvalid('The request body is not valid multipart/form-data (check the boundary).');
    }
    for (const [name, value] of form) {
      if (typeof value === 'string') fields[name] = value;
      else files.set(name, { name: value.name.slice(0, 255), bytes: Buffer.from(await value.arrayBuffer()) });
    }
  }
  for (const f of files.values()) if (f.bytes.length > MAX_UPLOAD_FILE_BYTES) throw Errors.fileTooLarge(MAX_UPLOAD_FILE_BYTES, false);
  return { fields, files };
}

/**
 * Sets `c.var.params`: the query string and the body (form or JSON), read once; and `c.var.upload`, which reads an
 * upload's body into them when the route asks (a no-op for any other request).
 */
export function requestParams(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = c.get('url');
    const req = c.req.raw;
    const query: Record<string, RawValue> = Object.fromEntries(url.searchParams);
    if (isUpload(req, url.pathname)) {
      const params = new Params(query);
      c.set('params', params);
      let read: Promise<void> | undefined;
      c.set('upload', () => (read ??= readUpload(req, url.pathname).then(({ fields, files }) => params.add(fields, files))));
    } else {
      const text = req.method === 'GET' || req.method === 'HEAD' ? '' : await readBody(req, url.pathname);
      c.set('params', new Params(query, parseBody(req.headers.get('content-type'), text)));
      c.set('upload', async () => undefined);
    }
    await next();
  };
}
