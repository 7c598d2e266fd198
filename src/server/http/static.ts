// Serves a folder of static files (the demo site) next to the FAPI, with a strict Content-Security-Policy.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

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
