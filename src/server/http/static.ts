// Serves a folder of static files (the demo site) next to the FAPI, with a strict Content-Security-Policy, and the
// middleware that answers files before the FAPI pipeline: the clerk-js bundle, the hosted pages and that folder.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../routes/respond.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
};

/** No inline scripts or styles anywhere: what the elements must live with on strict sites. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/**
 * Returns a file response for `pathname` under `root`, or undefined when there is no such file. In HTML files,
 * each key of `vars` (like `%CLERK_PUBLISHABLE_KEY%`) is replaced by its value.
 */
export async function serveStatic(root: string, pathname: string, vars: Record<string, string> = {}): Promise<Response | undefined> {
  const base = resolve(root);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  let file = resolve(base, `.${normalize(`/${decoded}`)}`);
  // Never leave the folder, whatever the path says.
  if (file !== base && !file.startsWith(base + sep)) return undefined;
  try {
    if ((await stat(file)).isDirectory()) {
      // A folder's page resolves relative URLs against the folder: `/apps/vue` must become `/apps/vue/`.
      if (!pathname.endsWith('/')) return new Response(null, { status: 308, headers: { location: `${pathname}/` } });
      file = join(file, 'index.html');
    }
    const bytes = await readFile(file);
    const html = extname(file) === '.html' && Object.keys(vars).length > 0;
    const body = html ? Object.entries(vars).reduce((text, [k, v]) => text.replaceAll(k, v), bytes.toString('utf8')) : (bytes as unknown as BodyInit);
    return new Response(body, {
      headers: {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': STRICT_CSP,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
      },
    });
  } catch {
    return undefined;
  }
}

/** `/npm/@clerk/clerk-js@<any version>/dist/clerk.browser.js`, the element chunks it loads, and source maps. */
const NPM_BUNDLE = /^\/npm\/@clerk\/clerk-js@[^/]+\/dist\/(clerk\.browser\.js(?:\.map)?|(?:elements|chunks)\/[\w-]+\.js(?:\.map)?)$/;

export interface SiteFiles {
  /** dist/, where the clerk-js bundle is. */
  bundleDir: string;
  /** The --static-dir site, if any, and what its HTML files get for `%CLERK_PUBLISHABLE_KEY%`. */
  staticDir: string | undefined;
  publishableKey: string;
  /** The hosted account pages (routes/pages.ts): a response, or undefined when the request is not theirs. */
  pages(req: Request): Promise<Response | undefined>;
}

/**
 * Answers GET/HEAD for files, in this order: the clerk-js bundle where Clerk's FAPI hosts serve it, the hosted
 * account pages (the server owns /sign-in, /sign-up, /waitlist), then the static site outside /v1/ and /.well-known/.
 * These answers carry no CORS headers (the bundle is public: `*`); anything else goes on to the FAPI.
 */
export function siteFiles(site: SiteFiles): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const req = c.req.raw;
    const read = req.method === 'GET' || req.method === 'HEAD';
    const path = c.get('url').pathname;
    const npm = read ? NPM_BUNDLE.exec(path) : null;
    if (npm) {
      // As Clerk's FAPI hosts serve clerk-js: the seed quickstart's <script src> works with only the host changed.
      const file = await serveStatic(site.bundleDir, npm[1]!);
      if (file) {
        file.headers.set('access-control-allow-origin', '*');
        file.headers.set('cache-control', 'public, max-age=300');
        return req.method === 'HEAD' ? new Response(null, { headers: file.headers }) : file;
      }
    }
    const page = await site.pages(req);
    if (page) return page;
    if (site.staticDir && read && !path.startsWith('/v1/') && !path.startsWith('/.well-known/')) {
      const file = await serveStatic(site.staticDir, path, { '%CLERK_PUBLISHABLE_KEY%': site.publishableKey });
      if (file) return req.method === 'HEAD' ? new Response(null, { headers: file.headers }) : file;
    }
    await next();
  };
}
