// The server's log, through pino: one JSON line per event in production, human-readable lines (pino-pretty) in
// development, `LOG_FORMAT` / `LOG_LEVEL` to choose. Only fields chosen at each call site are logged, never a whole
// request: no query string, no body, no header. The redaction list below is a second line of defence, so a
// password, code, token, cookie, secret key or Authorization value that reaches a log call anyway prints as
// [redacted]. The start-up banner and the `{"event":…}` lines of cli.ts stay plain stdout.
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Keys whose values never reach the log, at any of the first two levels of a logged object. */
const SECRET_KEYS = ['password', 'new_password', 'current_password', 'code', 'token', 'jwt', 'secret', 'secret_key', 'cookie', 'authorization', 'ticket'];
const REDACT = [...SECRET_KEYS, ...SECRET_KEYS.map((k) => `*.${k}`)];

function create(level: LogLevel, format: LogFormat): Logger {
  const options = { level, base: undefined, redact: { paths: REDACT, censor: '[redacted]' } };
  if (format === 'json') return pino(options);
  return pino(
    options,
    pretty({
      sync: true,
      colorize: !!process.stdout.isTTY,
      // A request line reads `GET /v1/me 200 1.2 ms · <id>`; other lines keep their fields.
      ignore: 'pid,hostname,req_id,method,route,status,ms',
      messageFormat: '{msg}{if ms} {ms} ms{end}{if req_id} · {req_id}{end}',
      translateTime: 'HH:MM:ss.l',
      singleLine: true,
    }),
  );
}

/** The process's logger: JSON at `info` until startServer configures it. */
export let log: Logger = create('info', 'json');

/** Sets the log's level and format (startServer calls this with the config). */
export function configureLog(level: LogLevel, format: LogFormat): Logger {
  log = create(level, format);
  return log;
}

/** A URL for the log: origin and path only (a query string may carry a token). */
export function loggableUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '[unparsable url]';
  }
}
