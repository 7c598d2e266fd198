// Profile images and session activity over real HTTP, on SQLite and PostgreSQL: POST/DELETE /v1/me/profile_image
// (multipart and clerk-js's base64 octet-stream), the type read from the bytes, the 10 MB limit, the served image's
// bytes and headers, two server processes on one store, `user.updated` webhooks, the Backend API's
// /v1/users/{id}/profile_image; and each session's latest_activity from its User-Agent and IP.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { deflateSync } from 'node:zlib';
import { Browser, DATABASES, PASSWORD, signUp, startTestServer, type TestServer } from '../support/server-harness.ts';
import { validateResponse } from '../support/spec.ts';
import { Backend, bapiSpec, Receiver, TEST_SECRET_KEY, WEBHOOK_SECRET, waitFor } from '../support/bapi-harness.ts';

// ---- tiny real images, built as bytes ------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(b: Buffer): number {
  let c = 0xffffffff;
  for (const x of b) c = CRC_TABLE[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
/** A 2×2 RGB PNG of one colour. */
function png(r: number, g: number, b: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter, no interlace
  const row = Buffer.from([0, r, g, b, r, g, b]); // filter type 0, then two pixels
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.concat([row, row]))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
/** 1×1 images in the other three formats (the classic smallest valid files). */
const GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);
const WEBP = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');

const CHROME_UA = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const SAFARI_IPHONE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

// ---- requests --------------------------------------------------------------------------------------

interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

/** A FAPI request with `browser`'s client cookie and Origin and any body (FormData, bytes), spec-checked. */
async function send(browser: Browser, method: string, path: string, body?: BodyInit, headers: Record<string, string> = {}): Promise<Answer> {
  const h: Record<string, string> = { ...headers };
  if (browser.origin) h.origin = browser.origin;
  if (browser.cookie) h.cookie = `__client=${browser.cookie}`;
  const res = await fetch(browser.server.url + path, { method, headers: h, body });
  const text = await res.text();
  const parsed = text ? (JSON.parse(text) as unknown) : undefined;
  assert.ok(res.status < 500, `${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
  // 413 (the upload limit, as for every body) is not among the spec's statuses; expectError checks its errors[] shape.
  if (res.status !== 413) {
    assert.deepEqual(validateResponse(method, path.split('?')[0]!, res.status, parsed), [], `${method} ${path} ${res.status} does not match the FAPI spec`);
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

function form(bytes: Buffer, name = 'avatar.png', type = 'image/png'): FormData {
  const fd = new FormData();
  fd.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  return fd;
}

const upload = (b: Browser, bytes: Buffer, name?: string, type?: string) => send(b, 'POST', '/v1/me/profile_image', form(bytes, name, type));

function expectError(res: Answer, status: number, code: string, param?: string): void {
  assert.equal(res.status, status, JSON.stringify(res.body));
  assert.equal(res.body.errors[0].code, code);
  if (param) assert.equal(res.body.errors[0].meta.param_name, param);
  assert.equal(typeof res.body.errors[0].long_message, 'string');
}

/** The served image: bytes and headers. */
async function served(url: string): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
  const res = await fetch(url);
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()), headers: res.headers };
}

/** An oversized body over one raw connection: the answer, even if the server stops reading and closes. */
function rawUpload(server: { url: string }, cookie: string, size: number): Promise<{ status: number; body: any; connection: string | undefined }> {
  const u = new URL(server.url);
  const boundary = 'clerkwcboundary';
  const head = Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="big.png"\r\ncontent-type: image/png\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const length = head.length + size + tail.length;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: u.hostname,
        port: u.port,
        method: 'POST',
        path: '/v1/me/profile_image',
        agent: false,
        headers: {
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(length),
          cookie: `__client=${cookie}`,
          origin: 'http://localhost:5173',
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')), connection: res.headers.connection }),
        );
      },
    );
    // The server may answer and close before the body is all sent: that is the point.
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE' && e.code !== 'ECONNRESET') reject(e);
    });
    req.write(head);
    const chunk = Buffer.alloc(1024 * 1024, 0x41);
    const pump = (left: number) => {
      if (left <= 0) return req.end(tail);
      const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
      if (req.write(part)) setImmediate(() => pump(left - part.length));
      else req.once('drain', () => pump(left - part.length));
    };
    pump(size);
  });
}

for (const db of DATABASES) {
  describe(`profile images (${db})`, () => {
    let server: TestServer;
    let receiver: Receiver;
    let api: Backend;
    before(async () => {
      receiver = await new Receiver().listen();
      server = await startTestServer(db, {
        SIGN_UP_MODE: 'public',
        CLERK_SECRET_KEY: TEST_SECRET_KEY,
        WEBHOOK_URL: receiver.url,
        WEBHOOK_SECRET,
        WEBHOOK_POLL_MS: '20',
        WEBHOOK_RETRY_BASE_MS: '20',
      });
      api = new Backend(server, TEST_SECRET_KEY);
    });
    after(async () => {
      await server.stop();
      await receiver.close();
    });

    test('upload PNG, JPEG, WebP and GIF: typed by their bytes, served with a long cache, nosniff and a CSP; replace; remove', async () => {
      const { browser, userId, sessionId } = await signUp(server);
      const before = (await browser.get('/v1/me')).body.response;
      assert.equal(before.has_image, false);
      assert.match(before.image_url, /^http:\/\/127\.0\.0\.1:\d+\/__clerk-wc\/images\/default\.svg$/);
      const fallback = await served(before.image_url);
      assert.equal(fallback.status, 200);
      assert.equal(fallback.headers.get('content-type'), 'image/svg+xml');

      const urls: string[] = [];
      // The declared type and name say nothing: each is sent as image/png named .png.
      for (const [bytes, type] of [
        [png(200, 30, 60), 'image/png'],
        [JPEG, 'image/jpeg'],
        [WEBP, 'image/webp'],
        [GIF, 'image/gif'],
      ] as const) {
        const res = await upload(browser, bytes, 'me.png', 'image/png');
        assert.equal(res.status, 200, JSON.stringify(res.body));
        const image = res.body.response;
        assert.equal(image.object, 'image');
        assert.match(image.id, /^img_/);
        assert.equal(image.name, 'me.png');
        const user = res.body.client.sessions[0].user;
        assert.equal(user.has_image, true);
        assert.equal(user.image_url, image.public_url);
        assert.equal(user.profile_image_url, image.public_url);
        assert.equal(res.body.client.sessions[0].public_user_data.image_url, image.public_url);
        assert.equal(res.body.client.sessions[0].public_user_data.has_image, true);
        const got = await served(image.public_url);
        assert.equal(got.status, 200);
        assert.deepEqual(got.bytes, bytes, 'the served bytes are the uploaded ones');
        assert.equal(got.headers.get('content-type'), type, 'typed by the magic bytes');
        assert.equal(got.headers.get('x-content-type-options'), 'nosniff');
        assert.match(got.headers.get('content-security-policy') ?? '', /default-src 'none'/);
        assert.match(got.headers.get('cache-control') ?? '', /max-age=31536000.*immutable/);
        const etag = got.headers.get('etag')!;
        const revalidated = await fetch(image.public_url, { headers: { 'if-none-match': etag } });
        assert.equal(revalidated.status, 304);
        urls.push(image.public_url);
      }
      assert.equal(new Set(urls).size, 4, 'replacing an image replaces the URL');
      for (const old of urls.slice(0, 3)) assert.equal((await served(old)).status, 404, 'a replaced image is gone');

      // A sign-in shows the image in user_data; /v1/me and the Backend API agree.
      const me = (await browser.get('/v1/me')).body.response;
      assert.equal(me.image_url, urls[3]);
      const backendUser = await api.get(`/v1/users/${userId}`);
      assert.equal(backendUser.body.image_url, urls[3]);
      assert.equal(backendUser.body.has_image, true);
      const other = new Browser(server);
      const si = await other.post('/v1/client/sign_ins', { identifier: me.email_addresses[0].email_address });
      assert.equal(si.body.response.user_data.image_url, urls[3]);
      assert.equal(si.body.response.user_data.has_image, true);

      const removed = await send(browser, 'DELETE', '/v1/me/profile_image');
      assert.equal(removed.status, 200);
      assert.deepEqual(removed.body.response, { object: 'image', id: urls[3]!.split('/').pop(), deleted: true });
      const user = removed.body.client.sessions.find((s: { id: string }) => s.id === sessionId).user;
      assert.equal(user.has_image, false);
      assert.equal(user.image_url, before.image_url, 'back to the default picture');
      assert.equal((await served(urls[3]!)).status, 404);
      expectError(await send(browser, 'DELETE', '/v1/me/profile_image'), 404, 'resource_not_found');

      // clerk-js sends `_method=DELETE` on a POST in some browsers, and `setProfileImage({ file: '<base64>' })` as octet-stream.
      const b64 = await send(browser, 'POST', '/v1/me/profile_image', `data:image/gif;base64,${GIF.toString('base64')}`, {
        'content-type': 'application/octet-stream',
      });
      assert.equal(b64.status, 200, JSON.stringify(b64.body));
      assert.deepEqual((await served(b64.body.response.public_url)).bytes, GIF);
      const viaMethod = await send(browser, 'POST', '/v1/me/profile_image?_method=DELETE');
      assert.equal(viaMethod.body.response.deleted, true);
    });

    test('bad uploads are Clerk-style 4xx: not an image, no file, not multipart, too large, unauthenticated', async () => {
      const { browser } = await signUp(server);
      const html = Buffer.from('<!doctype html><script>alert(document.cookie)</script>');
      expectError(await upload(browser, html, 'evil.png', 'image/png'), 422, 'form_param_format_invalid', 'file');
      expectError(await upload(browser, Buffer.from('GIF8'), 'short.gif', 'image/gif'), 422, 'form_param_format_invalid', 'file');
      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
      expectError(await upload(browser, svg, 'a.svg', 'image/svg+xml'), 422, 'form_param_format_invalid', 'file');

      const noFile = new FormData();
      noFile.append('other', 'x');
      expectError(await send(browser, 'POST', '/v1/me/profile_image', noFile), 422, 'form_param_missing', 'file');
      expectError(await send(browser, 'POST', '/v1/me/profile_image', new FormData()), 422, 'form_param_missing', 'file');
      const extra = form(png(1, 1, 1));
      extra.append('other', 'x');
      expectError(await send(browser, 'POST', '/v1/me/profile_image', extra), 422, 'form_param_unknown', 'other');
      const asText = new FormData();
      asText.append('file', 'not a file');
      expectError(await send(browser, 'POST', '/v1/me/profile_image', asText), 422, 'form_param_format_invalid', 'file');
      expectError(
        await send(browser, 'POST', '/v1/me/profile_image', 'file=abc', { 'content-type': 'application/x-www-form-urlencoded' }),
        422,
        'form_param_format_invalid',
        'file',
      );
      expectError(
        await send(browser, 'POST', '/v1/me/profile_image', JSON.stringify({ file: 'x' }), { 'content-type': 'application/json' }),
        422,
        'form_param_format_invalid',
        'file',
      );
      expectError(
        await send(browser, 'POST', '/v1/me/profile_image', '--x\r\nbroken', { 'content-type': 'multipart/form-data; boundary=nope' }),
        400,
        'request_body_invalid',
      );

      // Just over 10 MB inside a body the server reads whole: 413, and the connection stays usable.
      const big = Buffer.concat([png(1, 2, 3), Buffer.alloc(10 * 1024 * 1024 + 1 - png(1, 2, 3).length)]);
      expectError(await upload(browser, big), 413, 'request_body_too_large', 'file');
      // Far over: refused from its Content-Length, before it is read, and the connection closed.
      const far = await rawUpload(server, browser.cookie!, 12 * 1024 * 1024);
      assert.equal(far.status, 413);
      assert.equal(far.body.errors[0].code, 'request_body_too_large');
      assert.equal(far.body.errors[0].meta.param_name, 'file');
      assert.equal(far.connection, 'close');
      assert.equal((await browser.get('/v1/me')).body.response.has_image, false, 'nothing was stored');

      // No client, or a signed-out one: 401 before the body is read.
      expectError(await send(new Browser(server), 'POST', '/v1/me/profile_image', form(png(1, 1, 1))), 401, 'signed_out');
      expectError(await send(new Browser(server), 'DELETE', '/v1/me/profile_image'), 401, 'signed_out');
      // Exactly 10 MB is allowed.
      const max = Buffer.concat([png(4, 5, 6), Buffer.alloc(10 * 1024 * 1024 - png(4, 5, 6).length)]);
      const ok = await upload(browser, max);
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.equal((await served(ok.body.response.public_url)).bytes.length, 10 * 1024 * 1024);
    });

    test('user.updated webhooks for upload and removal; the Backend API sets and deletes profile images', async () => {
      const { browser, userId } = await signUp(server);
      const up = await upload(browser, png(9, 9, 9));
      const url = up.body.response.public_url as string;
      const set = await waitFor(
        () => receiver.events().find((e) => e.type === 'user.updated' && e.data.id === userId && e.data.image_url === url),
        'user.updated with the image',
      );
      assert.equal(set.data.has_image, true);
      assert.deepEqual(bapiSpec.validateResponse('GET', `/v1/users/${userId}`, 200, set.data), []);
      await send(browser, 'DELETE', '/v1/me/profile_image');
      await waitFor(
        () => receiver.events().find((e) => e.type === 'user.updated' && e.data.id === userId && e.data.has_image === false && e.timestamp >= set.timestamp),
        'user.updated without the image',
      );

      // Backend API: multipart POST /v1/users/{id}/profile_image answers the User; DELETE too.
      const res = await fetch(`${server.url}/v1/users/${userId}/profile_image`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TEST_SECRET_KEY}` },
        body: form(JPEG, 'photo.jpg', 'image/jpeg'),
      });
      const user = (await res.json()) as any;
      assert.equal(res.status, 200, JSON.stringify(user));
      assert.deepEqual(bapiSpec.validateResponse('POST', `/v1/users/${userId}/profile_image`, 200, user), []);
      assert.equal(user.has_image, true);
      const got = await served(user.image_url);
      assert.equal(got.headers.get('content-type'), 'image/jpeg');
      assert.equal((await browser.get('/v1/me')).body.response.image_url, user.image_url, 'the FAPI sees it');
      const notImage = await fetch(`${server.url}/v1/users/${userId}/profile_image`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TEST_SECRET_KEY}` },
        body: form(Buffer.from('<html>'), 'x.png'),
      });
      assert.equal(notImage.status, 422);
      assert.equal(((await notImage.json()) as any).errors[0].meta.param_name, 'file');
      const anonymous = await fetch(`${server.url}/v1/users/${userId}/profile_image`, { method: 'POST', body: form(JPEG) });
      assert.equal(anonymous.status, 401);
      const deleted = await api.del(`/v1/users/${userId}/profile_image`);
      assert.equal(deleted.status, 200);
      assert.equal(deleted.body.has_image, false);
      assert.equal((await served(user.image_url)).status, 404);
      assert.equal((await api.del('/v1/users/user_nobody/profile_image')).status, 404);

      // Deleting the user deletes its image.
      const last = (await upload(browser, GIF)).body.response.public_url as string;
      assert.equal((await served(last)).status, 200);
      assert.equal((await api.del(`/v1/users/${userId}`)).status, 200);
      assert.equal((await served(last)).status, 404);
    });

    test('an image uploaded through one server process is served by another on the same store', async () => {
      const { browser } = await signUp(server);
      const bytes = png(10, 200, 30);
      const url = (await upload(browser, bytes)).body.response.public_url as string;
      const second = await startTestServer(db, db === 'sqlite' ? { CLERK_WC_DATA_DIR: server.dataDir } : { DATABASE_URL: server.databaseUrl! });
      try {
        const elsewhere = await served(`${second.url}${new URL(url).pathname}`);
        assert.equal(elsewhere.status, 200);
        assert.deepEqual(elsewhere.bytes, bytes);
        assert.equal(elsewhere.headers.get('content-type'), 'image/png');
      } finally {
        await second.stop();
      }
    });

    test('session activity: browser, version, device, mobile and IP from sign-up, sign-in and touch', async () => {
      const { browser, email, sessionId } = await signUp(server);
      // Node's fetch says `node`: no browser, but the IP is known.
      const first = (await browser.get('/v1/me/sessions/active')).body as any[];
      assert.equal(first.length, 1);
      assert.deepEqual(first[0].latest_activity, {
        id: `sess_activity_${sessionId.slice(5)}`,
        object: 'session_activity',
        is_mobile: false,
        ip_address: '127.0.0.1',
      });

      const desktop = new Browser(server);
      const si = await desktop.post(
        '/v1/client/sign_ins',
        { identifier: email, password: PASSWORD, strategy: 'password' },
        { headers: { 'user-agent': CHROME_UA } },
      );
      const desktopId = si.body.response.created_session_id as string;
      const phone = new Browser(server);
      const si2 = await phone.post(
        '/v1/client/sign_ins',
        { identifier: email, password: PASSWORD, strategy: 'password' },
        { headers: { 'user-agent': SAFARI_IPHONE_UA } },
      );
      const phoneId = si2.body.response.created_session_id as string;

      const active = await desktop.get('/v1/me/sessions/active');
      const byId = new Map((active.body as any[]).map((s) => [s.id, s]));
      assert.equal(byId.size, 3);
      assert.deepEqual(byId.get(desktopId).latest_activity, {
        id: `sess_activity_${desktopId.slice(5)}`,
        object: 'session_activity',
        is_mobile: false,
        browser_name: 'Chrome',
        browser_version: '131.0.0.0',
        device_type: 'Macintosh',
        ip_address: '127.0.0.1',
      });
      assert.deepEqual(byId.get(phoneId).latest_activity, {
        id: `sess_activity_${phoneId.slice(5)}`,
        object: 'session_activity',
        is_mobile: true,
        browser_name: 'Safari',
        browser_version: '17.5',
        device_type: 'iPhone',
        ip_address: '127.0.0.1',
      });
      assert.equal(byId.get(phoneId).last_active_token, undefined, "another device's token never leaves the server");
      assert.ok(byId.get(desktopId).last_active_token, "the caller's own session keeps its token");

      // A touch records the device it came from.
      await phone.post(`/v1/client/sessions/${phoneId}/touch`, {}, { headers: { 'user-agent': CHROME_UA } });
      const all = await browser.get('/v1/me/sessions');
      const touched = (all.body as any[]).find((s) => s.id === phoneId);
      assert.equal(touched.latest_activity.browser_name, 'Chrome');
      assert.equal(touched.latest_activity.is_mobile, false);

      // The Backend API's Session carries it too.
      const bapi = await api.get(`/v1/sessions/${desktopId}`);
      assert.equal(bapi.body.latest_activity.browser_name, 'Chrome');
      assert.equal(bapi.body.latest_activity.device_type, 'Macintosh');
    });
  });
}
