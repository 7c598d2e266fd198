// Headers every response carries, whatever produced it (FAPI, Backend API, static files, errors).

/** Sets `X-Content-Type-Options: nosniff` (browsers must not guess a type from the bytes) and returns `res`. */
export function withSecurityHeaders(res: Response): Response {
  try {
    res.headers.set('x-content-type-options', 'nosniff');
    return res;
  } catch {
    // Immutable headers (a Response that came from fetch()): copy it.
    const copy = new Response(res.body, res);
    copy.headers.set('x-content-type-options', 'nosniff');
    return copy;
  }
}
