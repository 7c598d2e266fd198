// Throwaway PostgreSQL server for tests.
//
//   import { startPostgres } from '../scripts/pg.mjs';
//   const pg = await startPostgres();   // { url, stop }
//   ... CREATE DATABASE per test server via pg.url (admin connection) ...
//   await pg.stop();
//
// CLI: `node scripts/pg.mjs` starts one, prints its URL and stops it on Ctrl-C / SIGTERM.
//
// Uses the Debian server binaries under /usr/lib/postgresql/<version>/bin (highest version).
// The cluster lives in a fresh temp dir (data + unix socket), trusts every local connection,
// listens on a free port on 127.0.0.1, and is tuned for speed, not durability.
// As root (CI), initdb/postgres are run as the `postgres` system user (spawn uid/gid,
// which drops root's supplementary groups — same effect as `runuser -u postgres --`).
import { spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PG_ROOT = '/usr/lib/postgresql';
const START_TIMEOUT_MS = 30_000;

const SERVER_SETTINGS = {
  listen_addresses: '127.0.0.1',
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  max_connections: '300',
  // A fresh cluster has nothing to protect; skip the work that only matters for durability.
  wal_level: 'minimal',
  max_wal_senders: '0',
  checkpoint_timeout: '1d',
  autovacuum: 'off',
  logging_collector: 'off',
  lc_messages: 'C',
};

function findBinDir() {
  const missing = () =>
    new Error(`PostgreSQL server binaries not found under ${PG_ROOT}/*/bin ` + '(need initdb and postgres). Install them with: apt-get install -y postgresql');
  let versions;
  try {
    versions = readdirSync(PG_ROOT);
  } catch {
    throw missing();
  }
  const usable = versions
    .filter((v) => /^\d+(\.\d+)?$/.test(v))
    .filter((v) => existsSync(join(PG_ROOT, v, 'bin', 'initdb')) && existsSync(join(PG_ROOT, v, 'bin', 'postgres')))
    .sort((a, b) => parseFloat(b) - parseFloat(a));
  if (usable.length === 0) throw missing();
  return join(PG_ROOT, usable[0], 'bin');
}

/** uid/gid of the `postgres` system user when we are root (initdb refuses to run as root). */
function runAsIds() {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  let passwd = '';
  try {
    passwd = readFileSync('/etc/passwd', 'utf8');
  } catch {
    // no passwd file: no postgres user either
  }
  const line = passwd.split('\n').find((l) => l.startsWith('postgres:'));
  if (!line) {
    throw new Error(
      'Running as root but there is no `postgres` user to run PostgreSQL as ' + '(it is created by the Debian package: apt-get install -y postgresql)',
    );
  }
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (srv.address());
      srv.close(() => resolve(port));
    });
  });
}

/** Run a command to completion; rejects with its output on failure. */
function run(cmd, args, opts) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve(out);
      else reject(new Error(`${cmd} exited with ${signal ?? code}:\n${out}`));
    });
  });
}

/** Minimal env for the server processes: no PG* variables from the caller leaking in. */
function childEnv(home) {
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, LANG: 'C', LC_ALL: 'C' };
  if (process.env.TZ) env.TZ = process.env.TZ;
  return env;
}

/**
 * Start a throwaway PostgreSQL server.
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export async function startPostgres() {
  const bin = findBinDir();
  const ids = runAsIds();
  const dir = mkdtempSync(join(tmpdir(), 'clerk-wc-pg-'));
  const dataDir = join(dir, 'data');
  const spawnOpts = { cwd: dir, env: childEnv(dir), ...(ids ?? {}) };

  /** @type {import('node:child_process').ChildProcess | undefined} */
  let postmaster;
  let stopped = false;
  const onExit = () => {
    // Last resort if the caller never called stop(): immediate shutdown + cleanup.
    if (postmaster && postmaster.exitCode === null && postmaster.signalCode === null) {
      try {
        process.kill(postmaster.pid, 'SIGQUIT');
      } catch {
        // already gone
      }
    }
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // a leftover temp folder is harmless
    }
  };
  process.on('exit', onExit);

  const cleanupOnError = async (err) => {
    process.off('exit', onExit);
    if (postmaster && postmaster.exitCode === null && postmaster.signalCode === null) {
      const exited = new Promise((r) => postmaster.once('exit', r));
      postmaster.kill('SIGKILL');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
    throw err;
  };

  try {
    if (ids) chownSync(dir, ids.uid, ids.gid);
    await run(join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-locale', '-E', 'UTF8', '--no-sync', '--no-instructions'], spawnOpts);
  } catch (err) {
    return cleanupOnError(err);
  }

  // The port is only reserved between freePort() and the bind by postgres; retry on a clash.
  let port;
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    const args = ['-D', dataDir, '-p', String(port), '-k', dir];
    for (const [k, v] of Object.entries(SERVER_SETTINGS)) args.push('-c', `${k}=${v}`);
    postmaster = spawn(join(bin, 'postgres'), args, { ...spawnOpts, stdio: ['ignore', 'ignore', 'pipe'] });
    try {
      await waitUntilReady(postmaster);
      break;
    } catch (err) {
      const clash = /could not (bind|create listen socket)|Address already in use/i.test(String(err?.message));
      if (clash && attempt < 5) {
        if (postmaster.exitCode === null && postmaster.signalCode === null) {
          const exited = new Promise((r) => postmaster.once('exit', r));
          postmaster.kill('SIGKILL');
          await exited;
        }
        continue;
      }
      return cleanupOnError(err);
    }
  }

  // Don't let a forgotten stop() keep the test process alive; the exit hook cleans up.
  postmaster.unref();
  postmaster.stderr?.unref?.();

  const child = postmaster;
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  async function stop() {
    if (stopped) return;
    stopped = true;
    process.off('exit', onExit);
    if (child.exitCode === null && child.signalCode === null) {
      // SIGQUIT to the postmaster is exactly `pg_ctl stop -m immediate`, minus pg_ctl's
      // 100 ms polling: the postmaster exits once all its children are gone.
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGQUIT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  }
  return { url, stop };
}

/**
 * Resolves when the postmaster logs that it accepts connections; rejects (with its log)
 * if it exits first or takes too long. Keeps draining stderr afterwards so the server
 * never blocks on a full pipe.
 */
function waitUntilReady(child) {
  return new Promise((resolve, reject) => {
    let log = '';
    let ready = false;
    const timer = setTimeout(() => {
      fail(new Error(`PostgreSQL did not become ready within ${START_TIMEOUT_MS} ms:\n${log}`));
    }, START_TIMEOUT_MS);
    const fail = (err) => {
      if (ready) return;
      ready = true;
      clearTimeout(timer);
      reject(err);
    };
    child.on('error', fail);
    child.on('exit', (code, signal) => fail(new Error(`postgres exited with ${signal ?? code} during startup:\n${log}`)));
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      if (process.env.PG_LOG) process.stderr.write(chunk);
      if (ready) return;
      log = (log + chunk).slice(-16_384);
      if (log.includes('database system is ready to accept connections')) {
        ready = true;
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

// ---- CLI -------------------------------------------------------------------------------------
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  const { url, stop } = await startPostgres();
  console.log(url);
  console.error(`(started in ${Date.now() - started} ms; Ctrl-C to stop)`);
  const keepAlive = setInterval(() => {}, 1 << 30);
  const shutdown = async () => {
    clearInterval(keepAlive);
    await stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
