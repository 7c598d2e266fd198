// Backend benchmark (`npm run bench:backend`): verifyToken per second with a warm JWKS cache next to raw
// `jose` RS256 verification (jwtVerify with a KeyObject) in the same run, on a token minted by the real server
// (dist/server/cli.js), and the number of network requests made during the verification loops (must be 0).
//
// Not a test: it prints a table and one final JSON line. It exits non-zero when the measurement is invalid
// (the server failed, a verification failed) or when the loops made any network request.
import { createPublicKey } from 'node:crypto';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { jwtVerify } from 'jose';
import { verifyToken, type VerifyTokenOptions } from '../src/backend/verify-token.ts';
import { signUp, startTestServer } from '../test/support/server-harness.ts';
import { countingJwksProxy, jwtHeader, mint, ORIGIN } from '../test/support/backend-harness.ts';

const ROUNDS = 5;
const ROUND_SECONDS = 1;
const WARMUP_SECONDS = 1;
const IN_FLIGHT = 16;
const TARGET_RATIO = 0.8;

type Op = () => Promise<unknown>;

/** Operations per second: one at a time (`inFlight` 1) or with several awaiting at once. */
async function rate(op: Op, seconds: number, inFlight = 1): Promise<number> {
  let n = 0;
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (performance.now() < end) {
        await op();
        n++;
      }
    }),
  );
  return n / ((performance.now() - t0) / 1000);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

async function main(): Promise<number> {
  const server = await startTestServer('sqlite');
  const proxy = await countingJwksProxy(server);
  try {
    const { browser, sessionId, userId } = await signUp(server);
    const token = await mint(browser, sessionId);
    const kid = jwtHeader(token).kid as string;
    const jwks = (await (await fetch(`${server.url}/.well-known/jwks.json`)).json()) as { keys: Array<{ kid: string }> };
    const keyObject = createPublicKey({ key: jwks.keys.find((k) => k.kid === kid) as never, format: 'jwk' });

    const options: VerifyTokenOptions = { jwksUrl: proxy.jwksUrl, authorizedParties: [ORIGIN], issuer: server.url };
    const ours: Op = () => verifyToken(token, options);
    const raw: Op = () => jwtVerify(token, keyObject, { algorithms: ['RS256'] });
    // Both must accept the token, or the figures compare nothing.
    if ((await verifyToken(token, options)).sub !== userId) throw new Error('verifyToken returned another user');
    if ((await jwtVerify(token, keyObject, { algorithms: ['RS256'] })).payload.sub !== userId) throw new Error('jose returned another user');

    // Count every request leaving this process during the loops: the proxy sees JWKS requests, the fetch
    // wrapper any other.
    let fetches = 0;
    const realFetch = globalThis.fetch;
    globalThis.fetch = (...args: Parameters<typeof fetch>) => {
      fetches++;
      return realFetch(...args);
    };
    const proxyBefore = proxy.count;

    await rate(ours, WARMUP_SECONDS);
    await rate(raw, WARMUP_SECONDS);
    const serial = { ours: [] as number[], jose: [] as number[] };
    const parallel = { ours: [] as number[], jose: [] as number[] };
    let verifications = 0;
    const counted: Op = () => (verifications++, ours());
    for (let r = 0; r < ROUNDS; r++) {
      // Alternate the order so neither side always runs on a hotter or cooler machine.
      const pair = r % 2 === 0 ? ([counted, raw] as const) : ([raw, counted] as const);
      for (const op of pair) (op === raw ? serial.jose : serial.ours).push(await rate(op, ROUND_SECONDS));
      for (const op of pair) (op === raw ? parallel.jose : parallel.ours).push(await rate(op, ROUND_SECONDS, IN_FLIGHT));
    }
    const networkRequests = proxy.count - proxyBefore + fetches;
    globalThis.fetch = realFetch;

    const oursSerial = median(serial.ours);
    const joseSerial = median(serial.jose);
    const oursParallel = median(parallel.ours);
    const joseParallel = median(parallel.jose);
    const ratio = oursSerial / joseSerial;
    const ratioParallel = oursParallel / joseParallel;

    const rows = [
      ['', 'one at a time', `${IN_FLIGHT} in flight`],
      ['verifyToken (warm JWKS cache, azp + iss)', `${fmt(oursSerial)}/s`, `${fmt(oursParallel)}/s`],
      ['jose jwtVerify (KeyObject, RS256)', `${fmt(joseSerial)}/s`, `${fmt(joseParallel)}/s`],
      ['ratio verifyToken / jose', ratio.toFixed(2), ratioParallel.toFixed(2)],
    ];
    const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
    console.log(`\nclerk-wc backend: verifyToken vs raw jose (median of ${ROUNDS} × ${ROUND_SECONDS} s, ${cpus().length} CPUs, node ${process.version})`);
    for (const r of rows) console.log(`  ${r[0]!.padEnd(w[0]!)}  ${r[1]!.padStart(w[1]!)}  ${r[2]!.padStart(w[2]!)}`);
    console.log(
      `  network requests during ${fmt(verifications)} verifications: ${networkRequests} (JWKS fetched ${proxy.count} time(s) in all, before the loops)`,
    );
    console.log(
      `  target: ratio ≥ ${TARGET_RATIO} (one at a time) ${ratio >= TARGET_RATIO ? 'met' : 'NOT met'}; zero requests ${networkRequests === 0 ? 'met' : 'NOT met'}\n`,
    );
    console.log(
      JSON.stringify({
        bench: 'backend',
        verifyTokenPerSec: Math.round(oursSerial),
        joseVerifyPerSec: Math.round(joseSerial),
        ratio: Number(ratio.toFixed(3)),
        verifyTokenPerSecInFlight: Math.round(oursParallel),
        joseVerifyPerSecInFlight: Math.round(joseParallel),
        ratioInFlight: Number(ratioParallel.toFixed(3)),
        inFlight: IN_FLIGHT,
        verifications,
        networkRequests,
        jwksFetchesTotal: proxy.count,
        targetRatio: TARGET_RATIO,
        cpus: cpus().length,
        node: process.version,
      }),
    );
    return networkRequests === 0 ? 0 : 1;
  } finally {
    await proxy.close();
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error('bench:backend failed:', e);
    process.exit(1);
  },
);
