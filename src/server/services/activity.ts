// A session's latest activity: the browser and device its User-Agent names (parsed with bowser, MIT) and the IP the
// request came from. Recorded at sign-in/sign-up and on every touch; no geolocation, so no city or country.
import Bowser from 'bowser';
import type { SessionActivityColumns } from '../store/sessions.js';

/** What a request says about the device it comes from. */
export interface DeviceHints {
  userAgent?: string | undefined;
  ip?: string | undefined;
}

/** User-Agents longer than this are not parsed (no browser sends one; the parser's regexes need not see them). */
const MAX_USER_AGENT = 512;
const MAX_FIELD = 64;

/** The device name Clerk shows ("Macintosh", "iPhone", "Windows"…): the platform's model, else one from the OS. */
function deviceType(os: string | undefined, model: string | undefined, platform: string | undefined): string | null {
  if (model) return model;
  switch (os) {
    case 'macOS':
      return 'Macintosh';
    case 'Windows':
    case 'Linux':
    case 'Android':
    case 'Chrome OS':
      return os;
    case 'iOS':
      return 'iPhone';
    default:
      return platform ? platform.charAt(0).toUpperCase() + platform.slice(1) : null;
  }
}

const clip = (v: string | undefined): string | null => (v ? v.slice(0, MAX_FIELD) : null);

/** `::ffff:127.0.0.1` (an IPv4 client on a dual-stack socket) is 127.0.0.1. */
function plainIp(ip: string | undefined): string | null {
  if (!ip || ip === 'unknown') return null;
  return ip.startsWith('::ffff:') && ip.includes('.') ? ip.slice(7) : ip.slice(0, MAX_FIELD);
}

/** The `activity_*` columns for a request: nulls for what it does not say (no User-Agent, or not a browser's). */
export function activityColumns(hints: DeviceHints): SessionActivityColumns {
  const ua = hints.userAgent?.trim().slice(0, MAX_USER_AGENT) ?? '';
  let parsed: Bowser.Parser.ParsedResult | undefined;
  try {
    parsed = ua ? Bowser.parse(ua) : undefined;
  } catch {
    parsed = undefined;
  }
  const platform = parsed?.platform.type;
  return {
    activity_browser_name: clip(parsed?.browser.name),
    activity_browser_version: clip(parsed?.browser.version),
    activity_device_type: parsed ? clip(deviceType(parsed.os.name, parsed.platform.model, platform) ?? undefined) : null,
    activity_is_mobile: parsed ? (platform === 'mobile' || platform === 'tablet' ? 1 : 0) : null,
    activity_ip_address: plainIp(hints.ip),
  };
}
