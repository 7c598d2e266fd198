// Serves profile images at `/__clerk-wc/images/<id>` from the database, so every server process on one store serves
// every image. Each upload has its own id (a replacement gets a new URL, a replaced or removed image is a 404), so an
// image never changes under its URL: cached for a year, immutable. The bytes were typed by their signature at upload;
// they are sent with that type, `nosniff`, and a CSP that allows nothing (no script runs, even if one is opened).
import type { MiddlewareHandler } from 'hono';
import type { ServerContext } from '../context.js';
import { imageById } from '../services/profile-images.js';
import { DEFAULT_IMAGE, IMAGE_PATH } from '../serialize/user.js';
import type { AppEnv } from './respond.js';

const ID = /^img_[A-Za-z0-9]{1,64}$/;

/** A neutral silhouette for users without an image (`has_image: false`). */
const DEFAULT_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64">' +
  '<rect width="64" height="64" fill="#e4e4e9"/><circle cx="32" cy="25" r="11" fill="#a3a3b0"/>' +
  '<path d="M12 58c2-11 10-17 20-17s18 6 20 17z" fill="#a3a3b0"/></svg>';

function headers(type: string, cache: string, length: number, etag?: string): Headers {
  const h = new Headers({
    'content-type': type,
    'content-length': String(length),
    'cache-control': cache,
    'content-security-policy': "default-src 'none'; sandbox",
    'x-content-type-options': 'nosniff',
    // <img> on the app's own origin, under COEP too.
    'cross-origin-resource-policy': 'cross-origin',
    'content-disposition': 'inline',
  });
  if (etag) h.set('etag', `"${etag}"`);
  return h;
}

export function imageFiles(ctx: ServerContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const path = c.get('url').pathname;
    const method = c.req.method;
    if (!path.startsWith(IMAGE_PATH) || (method !== 'GET' && method !== 'HEAD')) return next();
    const name = path.slice(IMAGE_PATH.length);
    if (name === DEFAULT_IMAGE) {
      const body = Buffer.from(DEFAULT_SVG);
      const h = headers('image/svg+xml', 'public, max-age=86400', body.length);
      return new Response(method === 'HEAD' ? null : (body as unknown as BodyInit), { headers: h });
    }
    const image = ID.test(name) ? await imageById(ctx, name) : undefined;
    if (!image) {
      return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
    }
    const h = headers(image.content_type, 'public, max-age=31536000, immutable', image.size, image.sha256);
    if (c.req.header('if-none-match') === `"${image.sha256}"`) {
      h.delete('content-length');
      return new Response(null, { status: 304, headers: h });
    }
    return new Response(method === 'HEAD' ? null : (image.bytes as unknown as BodyInit), { headers: h });
  };
}
