// Server benchmark (`npm run bench:server`): session-token mint throughput over HTTP against raw `jose` RS256
// signing, cold/warm start time and idle memory of the real server process (dist/server/cli.js).
//
// Not a test: it prints a table and one final JSON line with every figure. It exits non-zero only when the
// measurement itself is invalid (the server failed, or the load saw errors or non-2xx answers).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, sign as nodeSign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { createRemoteJWKSet, generateKeyPair, jwtVerify, SignJWT } from 'jose';

// ---------------------------------------------------------------------------------------------------------------
// Settings

const ROOT = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const CLI = join(ROOT, 'dist/server/cli.js');
const ORIGIN = 'http://localhost:5173';
const EMAIL = 'bench+clerk_test@example.com';
const PASSWORD = 'violet-Quartz-harbor-42';
const TEST_CODE = '424242';

const RAW_SIGN_SECONDS = 3;
const RAW_EXTRA_SECONDS = 2;
const WARMUP_SECONDS = 2;
const LOAD_10_SECONDS = 8;
const LOAD_100_SECONDS = 5;
const START_RUNS = 5;
const POLL_MS = 5;

const TARGET_RATIO = 0.6;
const TARGET_P99_MS = 25;
const TARGET_START_MS = 1000;
const TARGET_RSS_MB = 150;

// ---------------------------------------------------------------------------------------------------------------
// autocannon has no type declarations: load it through require and describe the little we use.

interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  resets: number;
  '2xx': number;
  statusCodeStats: Record<string, { count: number }>;
  latency: { p50: number; p99: number; average: number; max: number };
  requests: { average: number; total: number; sent: number };
}
interface AutocannonInstance extends PromiseLike<AutocannonResult> {
  on(event: 'response', listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): unknown;
}
type Autocannon = (opts: Record<string, unknown>) => AutocannonInstance;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

// ---------------------------------------------------------------------------------------------------------------
// Child processes and temp dirs: everything started here is stopped here, also on errors and signals.

const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();

function killAll(): void {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  children.clear();
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
  tempDirs.clear();
}
process.on('exit', killAll);
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    killAll();
    process.exit(130);
  });
}

function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clerk-wc-bench-'));
  tempDirs.add(dir);
  return dir;
}

/** A port nobody listens on right now (bind 0, read it, close). */
function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => res(port));
    });
  });
}

interface Server {
  proc: ChildProcess;
  pid: number;
  port: number;
  dataDir: string;
  /** Every stdout/stderr line, prefixed with its stream. */
  output: string[];
  /** Resolves with the listening event (and when it was seen) once the server prints it. */
  listening: Promise<{ url: string; publishableKey: string; at: number }>;
}

function spawnServer(dataDir: string, port: number): Server {
  const proc = spawn(process.execPath, [CLI], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      CLERK_WC_DATA_DIR: dataDir,
      CLERK_WC_CONFIG: '', // ignore a clerk-wc.config.json in the working directory
      MAIL_LOG: '0',
      RATE_LIMIT_MAX: '0',
      // As in production: one JSON line per request, written (and paid for) on every mint.
      LOG_FORMAT: 'json',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(proc);
  proc.once('exit', () => children.delete(proc));
  const output: string[] = [];
  const listening = new Promise<{ url: string; publishableKey: string; at: number }>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`server did not start within 20 s:\n${output.join('\n')}`)), 20_000);
    createInterface({ input: proc.stderr! }).on('line', (l) => output.push(`stderr: ${l}`));
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      if (line.startsWith('{"level":30,')) return; // the request lines: read, not kept
      output.push(`stdout: ${line}`);
      if (line.startsWith('{"event":"listening"')) {
        clearTimeout(timer);
        const ev = JSON.parse(line) as { url: string; publishableKey: string };
        res({ ...ev, at: performance.now() });
      }
    });
    proc.once('exit', (code, signal) => {
      clearTimeout(timer);
      rej(new Error(`server exited (${code ?? signal}) before listening:\n${output.join('\n')}`));
    });
  });
  listening.catch(() => undefined); // observed by whoever awaits it
  return { proc, pid: proc.pid ?? 0, port, dataDir, output, listening };
}

async function stopServer(s: Server): Promise<void> {
  const p = s.proc;
  if (p.exitCode !== null || p.signalCode !== null) return;
  await new Promise<void>((res) => {
    const hard = setTimeout(() => p.kill('SIGKILL'), 5_000);
    p.once('exit', () => {
      clearTimeout(hard);
      res();
    });
    p.kill('SIGTERM');
  });
}

/** One GET with a fresh connection; resolves with the status, or undefined when nothing answers yet. */
function probe(port: number, path: string): Promise<number | undefined> {
  return new Promise((res) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'GET', agent: false }, (r) => {
      r.resume();
      r.on('end', () => res(r.statusCode));
      r.on('error', () => res(undefined));
    });
    req.setTimeout(2_000, () => req.destroy());
    req.on('error', () => res(undefined));
    req.end();
  });
}

/** Polls GET /v1/environment every POLL_MS until it answers 200; returns the time that happened. */
async function firstOk(s: Server, deadlineMs = 20_000): Promise<number> {
  const giveUp = performance.now() + deadlineMs;
  for (;;) {
    if (s.proc.exitCode !== null) throw new Error(`server exited while starting:\n${s.output.join('\n')}`);
    const status = await probe(s.port, '/v1/environment');
    if (status === 200) return performance.now();
    if (performance.now() > giveUp) throw new Error(`no 200 from /v1/environment within ${deadlineMs} ms (last: ${status})`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

function rssOf(pid: number): { rssMb: number; hwmMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)\\s+kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
}

/** CPU seconds (user + system) the process has used so far, from /proc/<pid>/stat. */
const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields[0] is field 3 (state)
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK; // utime + stime
}

// ---------------------------------------------------------------------------------------------------------------
// Small statistics helpers

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
function percentile(sorted: Float64Array | number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

// ---------------------------------------------------------------------------------------------------------------
// 1a. Raw signing rate in this process (before any server runs, so it has a core to itself)

function claims(iat: number) {
  return {
    iss: 'http://127.0.0.1:4000',
    sub: 'user_2bench0000000000000000000',
    sid: 'sess_2bench0000000000000000000',
    azp: ORIGIN,
    iat,
    nbf: iat - 10,
    exp: iat + 60,
    v: 2,
    fva: [0, -1],
  };
}

async function rawSigning(): Promise<{ joseSerial: number; joseParallel: number; nodeSync: number }> {
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048 });
  const kid = 'kid_bench';
  const joseSign = () => {
    const iat = Math.floor(Date.now() / 1000);
    const { iss, sub, iat: _i, nbf, exp, ...rest } = claims(iat);
    return new SignJWT(rest)
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuer(iss)
      .setSubject(sub)
      .setIssuedAt(iat)
      .setNotBefore(nbf)
      .setExpirationTime(exp)
      .sign(privateKey);
  };
  // jose, one signature at a time (the figure the ratio uses).
  const serialFor = async (seconds: number) => {
    let n = 0;
    const t0 = performance.now();
    const end = t0 + seconds * 1000;
    while (performance.now() < end) {
      await joseSign();
      n++;
    }
    return n / ((performance.now() - t0) / 1000);
  };
  await serialFor(0.3); // warm-up
  const joseSerial = await serialFor(RAW_SIGN_SECONDS);

  // jose with several signatures in flight: WebCrypto signs on the libuv thread pool, so this can use every core.
  const inFlight = 4;
  let n = 0;
  const t0 = performance.now();
  const end = t0 + RAW_EXTRA_SECONDS * 1000;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (performance.now() < end) {
        await joseSign();
        n++;
      }
    }),
  );
  const joseParallel = n / ((performance.now() - t0) / 1000);

  // node:crypto sign(), synchronous: what the server's signJwt does.
  const { privateKey: keyObject } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const b64 = (s: string) => Buffer.from(s).toString('base64url');
  let m = 0;
  const t1 = performance.now();
  const end1 = t1 + RAW_EXTRA_SECONDS * 1000;
  while (performance.now() < end1) {
    const body = `${b64(JSON.stringify({ alg: 'RS256', kid, typ: 'JWT' }))}.${b64(JSON.stringify(claims(Math.floor(Date.now() / 1000))))}`;
    nodeSign('RSA-SHA256', Buffer.from(body), keyObject).toString('base64url');
    m++;
  }
  const nodeSync = m / ((performance.now() - t1) / 1000);
  return { joseSerial, joseParallel, nodeSync };
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Cold and warm start

async function startTimes(): Promise<{ cold: number[]; warm: number[]; coldListening: number[]; warmListening: number[]; nodeBaseline: number[] }> {
  const cold: number[] = [];
  const warm: number[] = [];
  const coldListening: number[] = [];
  const warmListening: number[] = [];
  for (let i = 0; i < START_RUNS; i++) {
    const dir = freshDataDir();
    for (const kind of ['cold', 'warm'] as const) {
      const port = await freePort();
      const t0 = performance.now();
      const s = spawnServer(dir, port);
      const ok = await firstOk(s);
      const { at } = await s.listening;
      (kind === 'cold' ? cold : warm).push(ok - t0);
      (kind === 'cold' ? coldListening : warmListening).push(at - t0);
      await stopServer(s);
    }
    rmSync(dir, { recursive: true, force: true });
    tempDirs.delete(dir);
  }
  // For scale: how long a bare `node -e 0` takes on this machine.
  const nodeBaseline: number[] = [];
  for (let i = 0; i < START_RUNS; i++) {
    const t0 = performance.now();
    await new Promise<void>((res, rej) => {
      const p = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
      children.add(p);
      p.once('exit', () => {
        children.delete(p);
        res();
      });
      p.once('error', rej);
    });
    nodeBaseline.push(performance.now() - t0);
  }
  return { cold, warm, coldListening, warmListening, nodeBaseline };
}

// ---------------------------------------------------------------------------------------------------------------
// Sign-up over HTTP, as a browser would (the __client cookie rotates: keep the newest)

class CookieJar {
  token: string | undefined;
  constructor(readonly base: string) {}

  async post(path: string, form: Record<string, string> = {}): Promise<{ status: number; body: any }> {
    const headers: Record<string, string> = { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' };
    if (this.token) headers.cookie = `__client=${this.token}`;
    const res = await fetch(this.base + path, { method: 'POST', headers, body: new URLSearchParams(form).toString() });
    for (const c of res.headers.getSetCookie()) {
      const m = /^__client=([^;]*)/.exec(c);
      if (m) this.token = m[1] === '' ? undefined : m[1];
    }
    const text = await res.text();
    let body: any = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* keep text */
    }
    return { status: res.status, body };
  }
}

async function signUp(base: string): Promise<{ jar: CookieJar; sessionId: string; userId: string }> {
  const jar = new CookieJar(base);
  const expectOk = (step: string, r: { status: number; body: any }) => {
    if (r.status !== 200) throw new Error(`${step} answered ${r.status}: ${JSON.stringify(r.body).slice(0, 500)}`);
  };
  const created = await jar.post('/v1/client/sign_ups', { email_address: EMAIL, password: PASSWORD });
  expectOk('POST /v1/client/sign_ups', created);
  const id = created.body.response.id as string;
  expectOk('prepare_verification', await jar.post(`/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' }));
  const done = await jar.post(`/v1/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code', code: TEST_CODE });
  expectOk('attempt_verification', done);
  const sessionId = done.body.response.created_session_id as string | null;
  if (!sessionId || !jar.token) throw new Error(`sign-up did not create a session: ${JSON.stringify(done.body).slice(0, 500)}`);
  return { jar, sessionId, userId: done.body.response.created_user_id as string };
}

// ---------------------------------------------------------------------------------------------------------------
// 1b. Token mint load with autocannon

interface LoadFigures {
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /** Server CPU time per successful request (µs): less sensitive to other load on the machine than req/s. */
  serverCpuUsPerReq: number;
  /** Server CPU seconds ÷ wall seconds: ~1 means the server's single thread was the bottleneck. */
  serverCpuBusy: number;
}

async function load(url: string, cookie: string, connections: number, seconds: number, serverPid: number): Promise<LoadFigures> {
  const latencies: number[] = [];
  const cpu0 = cpuSeconds(serverPid);
  const wall0 = performance.now();
  const instance = autocannon({
    url,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { cookie: `__client=${cookie}`, origin: ORIGIN },
  });
  instance.on('response', (_client, _status, _bytes, responseTime) => {
    latencies.push(responseTime);
  });
  const r = await instance;
  const cpu = cpuSeconds(serverPid) - cpu0;
  const wall = (performance.now() - wall0) / 1000;
  const sorted = Float64Array.from(latencies).sort();
  const statusCodes: Record<string, number> = {};
  for (const [code, v] of Object.entries(r.statusCodeStats)) statusCodes[code] = v.count;
  return {
    connections,
    seconds: r.duration,
    requests: r['2xx'],
    rps: r['2xx'] / r.duration,
    // autocannon's own histogram has 1 ms resolution; these come from each response's hrtime duration.
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: percentile(sorted, 100),
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes,
    serverCpuUsPerReq: r['2xx'] > 0 ? (cpu * 1e6) / r['2xx'] : NaN,
    serverCpuBusy: cpu / wall,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Output

function table(title: string, rows: string[][]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  console.log(`\n${title}`);
  rows.forEach((r, n) => {
    console.log('  ' + r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('   '));
    if (n === 0) console.log('  ' + widths.map((w) => '-'.repeat(w)).join('   '));
  });
}
const mark = (ok: boolean) => (ok ? 'PASS' : 'MISS');

// ---------------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const cpuModel = cpus()[0]?.model ?? 'unknown';
  console.log(`clerk-wc server benchmark: node ${process.version}, ${cpus().length} CPU(s) (${cpuModel})`);
  console.log(`server: ${CLI}`);
  if (cpus().length < 2) console.log('note: one CPU: autocannon and the server share it; throughput figures are pessimistic.');

  console.log(`\n[1/4] raw RS256 signing in this process (${RAW_SIGN_SECONDS} s jose serial, ${RAW_EXTRA_SECONDS} s each extra)…`);
  const raw = await rawSigning();

  console.log(`[2/4] cold and warm start, ${START_RUNS} runs each…`);
  const starts = await startTimes();

  console.log('[3/4] starting the benchmark server and signing up over HTTP…');
  const port = await freePort();
  const server = spawnServer(freshDataDir(), port);
  const { url } = await server.listening;
  await firstOk(server);
  const { jar, sessionId, userId } = await signUp(url);
  const tokenPath = `/v1/client/sessions/${sessionId}/tokens`;
  // A few ordinary requests, then let it settle before reading its memory.
  for (const p of ['/v1/environment', '/v1/client', '/.well-known/jwks.json']) await probe(port, p);
  const first = await jar.post(tokenPath);
  if (first.status !== 200 || typeof first.body?.jwt !== 'string') throw new Error(`token mint answered ${first.status}: ${JSON.stringify(first.body)}`);
  // The token must verify against the server's JWKS and carry the expected claims.
  const { payload, protectedHeader } = await jwtVerify(first.body.jwt as string, createRemoteJWKSet(new URL(`${url}/.well-known/jwks.json`)), { issuer: url });
  if (payload.sid !== sessionId || payload.sub !== userId || payload.azp !== ORIGIN || protectedHeader.alg !== 'RS256') {
    throw new Error(`unexpected token claims: ${JSON.stringify({ protectedHeader, payload })}`);
  }
  await new Promise((r) => setTimeout(r, 1_000));
  const idle = rssOf(server.pid);

  console.log(`[4/4] loading POST ${tokenPath}: warm-up ${WARMUP_SECONDS} s, 10 connections ${LOAD_10_SECONDS} s, 100 connections ${LOAD_100_SECONDS} s…`);
  const target = url + tokenPath;
  const cookie = jar.token!;
  await load(target, cookie, 10, WARMUP_SECONDS, server.pid);
  const c10 = await load(target, cookie, 10, LOAD_10_SECONDS, server.pid);
  const c100 = await load(target, cookie, 100, LOAD_100_SECONDS, server.pid);
  const afterLoad = rssOf(server.pid);
  await stopServer(server);
  const serverOutput = server.output.filter(
    (l) =>
      !l.startsWith('stdout: clerk-wc FAPI server listening') &&
      !/^stdout: +(publishable key|database|mail):/.test(l) &&
      !l.startsWith('stdout: {"event":"listening"'),
  );

  // -------------------------------------------------------------------------------------------------------------
  const ratio = c10.rps / raw.joseSerial;
  const coldMed = median(starts.cold);
  const warmMed = median(starts.warm);
  const loadValid = c10.non2xx + c10.errors + c10.timeouts + c100.non2xx + c100.errors + c100.timeouts === 0;

  table('Raw RS256 signing (bench process, 2048-bit key)', [
    ['signer', 'signs/s'],
    ['jose SignJWT, one at a time (ratio baseline)', round(raw.joseSerial, 0).toString()],
    ['jose SignJWT, 4 in flight (thread pool)', round(raw.joseParallel, 0).toString()],
    ['node:crypto sign(), sync (what the server uses)', round(raw.nodeSync, 0).toString()],
  ]);

  table(`Token mints over HTTP: POST /v1/client/sessions/{sid}/tokens (loopback)`, [
    ['connections', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'requests', 'non-2xx', 'errors', 'server CPU µs/req', 'server busy'],
    ...[c10, c100].map((r) => [
      String(r.connections),
      round(r.rps, 0).toString(),
      round(r.p50, 2).toString(),
      round(r.p90, 2).toString(),
      round(r.p99, 2).toString(),
      round(r.max, 1).toString(),
      String(r.requests),
      String(r.non2xx),
      String(r.errors + r.timeouts),
      round(r.serverCpuUsPerReq, 0).toString(),
      `${round(r.serverCpuBusy * 100, 0)}%`,
    ]),
  ]);
  console.log(
    `  (one node:crypto RS256 signature ≈ ${round(1e6 / raw.nodeSync, 0)} µs of CPU; 100-connection figures include opening all 100 connections at once,`,
  );
  console.log('   which a saturated Node server accepts one per event-loop turn, so the first requests of late connections wait longest)');

  table('Start-up (spawn → first 200 from GET /v1/environment), median of ' + START_RUNS, [
    ['run', 'median ms', 'min ms', 'max ms', '“listening” line ms'],
    [
      'cold (empty data dir: SQLite, migrations, RSA key)',
      round(coldMed).toString(),
      round(Math.min(...starts.cold)).toString(),
      round(Math.max(...starts.cold)).toString(),
      round(median(starts.coldListening)).toString(),
    ],
    [
      'warm restart (same data dir)',
      round(warmMed).toString(),
      round(Math.min(...starts.warm)).toString(),
      round(Math.max(...starts.warm)).toString(),
      round(median(starts.warmListening)).toString(),
    ],
    [
      'for scale: node -e 0',
      round(median(starts.nodeBaseline)).toString(),
      round(Math.min(...starts.nodeBaseline)).toString(),
      round(Math.max(...starts.nodeBaseline)).toString(),
      '-',
    ],
  ]);

  table('Server memory (/proc/<pid>/status)', [
    ['when', 'VmRSS MB', 'VmHWM MB'],
    ['idle, after start + sign-up + a few requests', round(idle.rssMb).toString(), round(idle.hwmMb).toString()],
    ['after the load runs', round(afterLoad.rssMb).toString(), round(afterLoad.hwmMb).toString()],
  ]);

  table('Targets', [
    ['figure', 'value', 'target', 'result'],
    ['mint ratio (10 conn req/s ÷ jose signs/s)', round(ratio, 2).toString(), `≥ ${TARGET_RATIO}`, mark(ratio >= TARGET_RATIO)],
    ['p99 latency at 10 connections', `${round(c10.p99, 2)} ms`, `< ${TARGET_P99_MS} ms`, mark(c10.p99 < TARGET_P99_MS)],
    [
      'non-2xx / errors during load',
      String(c10.non2xx + c100.non2xx + c10.errors + c100.errors + c10.timeouts + c100.timeouts),
      '0',
      loadValid ? 'PASS' : 'FAIL',
    ],
    ['cold start (median)', `${round(coldMed)} ms`, `< ${TARGET_START_MS} ms`, mark(coldMed < TARGET_START_MS)],
    ['warm restart (median)', `${round(warmMed)} ms`, `< ${TARGET_START_MS} ms`, mark(warmMed < TARGET_START_MS)],
    ['idle RSS', `${round(idle.rssMb)} MB`, `< ${TARGET_RSS_MB} MB`, mark(idle.rssMb < TARGET_RSS_MB)],
  ]);

  if (serverOutput.length) {
    console.log(`\nServer output during the benchmark (${serverOutput.length} line(s), first 20):`);
    for (const l of serverOutput.slice(0, 20)) console.log(`  ${l}`);
  }
  if (!loadValid) console.log(`\nstatus codes seen: 10 conn ${JSON.stringify(c10.statusCodes)}, 100 conn ${JSON.stringify(c100.statusCodes)}`);

  const json = {
    event: 'bench:server',
    node: process.version,
    cpus: cpus().length,
    cpuModel,
    rawSigning: { joseSerialPerSec: round(raw.joseSerial), joseParallel4PerSec: round(raw.joseParallel), nodeCryptoSyncPerSec: round(raw.nodeSync) },
    mint: {
      c10: {
        ...c10,
        rps: round(c10.rps),
        p50: round(c10.p50, 3),
        p90: round(c10.p90, 3),
        p99: round(c10.p99, 3),
        max: round(c10.max, 3),
        serverCpuUsPerReq: round(c10.serverCpuUsPerReq),
        serverCpuBusy: round(c10.serverCpuBusy, 3),
      },
      c100: {
        ...c100,
        rps: round(c100.rps),
        p50: round(c100.p50, 3),
        p90: round(c100.p90, 3),
        p99: round(c100.p99, 3),
        max: round(c100.max, 3),
        serverCpuUsPerReq: round(c100.serverCpuUsPerReq),
        serverCpuBusy: round(c100.serverCpuBusy, 3),
      },
      ratio: round(ratio, 3),
    },
    startMs: {
      coldMedian: round(coldMed),
      warmMedian: round(warmMed),
      cold: starts.cold.map((x) => round(x)),
      warm: starts.warm.map((x) => round(x)),
      coldListeningMedian: round(median(starts.coldListening)),
      warmListeningMedian: round(median(starts.warmListening)),
      nodeBaselineMedian: round(median(starts.nodeBaseline)),
    },
    rssMb: { idle: round(idle.rssMb), idleHwm: round(idle.hwmMb), afterLoad: round(afterLoad.rssMb), afterLoadHwm: round(afterLoad.hwmMb) },
    targets: {
      ratio: { target: TARGET_RATIO, pass: ratio >= TARGET_RATIO },
      p99c10Ms: { target: TARGET_P99_MS, pass: c10.p99 < TARGET_P99_MS },
      coldStartMs: { target: TARGET_START_MS, pass: coldMed < TARGET_START_MS },
      warmStartMs: { target: TARGET_START_MS, pass: warmMed < TARGET_START_MS },
      idleRssMb: { target: TARGET_RSS_MB, pass: idle.rssMb < TARGET_RSS_MB },
      noErrors: { pass: loadValid },
    },
    serverOutputLines: serverOutput.length,
  };
  console.log('');
  console.log(JSON.stringify(json));
  if (!loadValid) process.exitCode = 1;
}

try {
  await main();
} catch (e) {
  console.error('bench:server failed:', e);
  process.exitCode = 1;
} finally {
  killAll();
}
