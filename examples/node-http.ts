// A plain `node:http` backend that knows who is calling, with no framework and no call to the FAPI server
// per request: `GET /api/me` answers the signed-in user's id, or 401 with the reason.
//
//   npm start                                        # the FAPI server on http://localhost:4000
//   CLERK_JWKS_URL=http://localhost:4000/.well-known/jwks.json node --import tsx examples/node-http.ts
//   curl -H "Authorization: Bearer <session token>" http://localhost:3000/api/me
//
// Browsers send the `__session` cookie the client writes; set CORS_ORIGIN to the page's origin when the page
// is served from another port. In your app, import from 'clerk-wc/backend' instead of ../src/backend.
import { createServer } from 'node:http';
import { authenticateRequest } from '../src/backend/authenticate-request.js';

const options = {
  jwksUrl: process.env.CLERK_JWKS_URL ?? 'http://localhost:4000/.well-known/jwks.json',
  // Origins whose pages may hold tokens for this API (the token's `azp`); unset = any.
  authorizedParties: process.env.CLERK_AUTHORIZED_PARTIES?.split(',').filter(Boolean),
};
const corsOrigin = process.env.CORS_ORIGIN;

const server = createServer(async (req, res) => {
  const send = (status: number, body: unknown) => {
    res.writeHead(status, {
      'content-type': 'application/json',
      ...(corsOrigin ? { 'access-control-allow-origin': corsOrigin, 'access-control-allow-credentials': 'true', vary: 'origin' } : {}),
    });
    res.end(JSON.stringify(body));
  };
  if (req.method !== 'GET' || req.url !== '/api/me') return send(404, { error: 'not found' });
  const state = await authenticateRequest(req, options);
  if (!state.isSignedIn) return send(401, { error: state.reason, message: state.message });
  send(200, { userId: state.userId, sessionId: state.sessionId });
});

server.listen(Number(process.env.PORT ?? 3000), process.env.HOST ?? 'localhost', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : process.env.PORT;
  console.log(`example API on http://localhost:${port}/api/me`);
  console.log(JSON.stringify({ event: 'listening', port }));
});
