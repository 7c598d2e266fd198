// The caller's IP address. The socket's peer is the caller unless it is one of `trustedProxies` (CIDRs or single
// addresses); then the proxy's `Forwarded` (RFC 7239 `for=`) or `X-Forwarded-For` header names the hops, and the
// caller is the nearest hop that is not itself a trusted proxy. With no trusted proxies (the default) those headers
// are never believed: anyone can send them.
import { BlockList, isIP } from 'node:net';
import type { Context } from 'hono';

/** The node adapter's bindings (@hono/node-server passes the IncomingMessage): the socket, for the caller's IP. */
export interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
}

/** How the server decides who the caller is: the compiled `trustedProxies` list (empty: trust nobody). */
export interface ProxyTrust {
  list: BlockList;
  any: boolean;
}

/** `::ffff:10.0.0.1` (an IPv4 peer on a dual-stack socket) is 10.0.0.1. */
function plain(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

function family(address: string): 'ipv4' | 'ipv6' | undefined {
  const v = isIP(address);
  return v === 4 ? 'ipv4' : v === 6 ? 'ipv6' : undefined;
}

/** Compiles `trustedProxies` entries (`10.0.0.0/8`, `::1`, `fd00::/8`); throws with the entry when one is malformed. */
export function proxyTrust(entries: readonly string[]): ProxyTrust {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix, extra] = entry.trim().split('/');
    const kind = family(address);
    const bits = prefix === undefined ? (kind === 'ipv4' ? 32 : 128) : Number(prefix);
    const max = kind === 'ipv4' ? 32 : 128;
    if (!kind || extra !== undefined || !Number.isInteger(bits) || bits < 0 || bits > max || (prefix !== undefined && !/^\d+$/.test(prefix))) {
      throw new Error(`trustedProxies entry "${entry}" must be an IP address or a CIDR like 10.0.0.0/8`);
    }
    list.addSubnet(address, bits, kind);
  }
  return { list, any: entries.length > 0 };
}

function trusted(trust: ProxyTrust, address: string): boolean {
  const kind = family(address);
  return !!kind && trust.list.check(address, kind);
}

/** One hop of a `Forwarded: for=…` element or an `X-Forwarded-For` entry, as a bare address (no port, no brackets). */
function hopAddress(raw: string): string | undefined {
  let v = raw.trim().replace(/^"|"$/g, '');
  if (v.startsWith('[')) v = v.slice(1, v.indexOf(']') > 0 ? v.indexOf(']') : undefined);
  else if (isIP(v) === 0 && /^[\d.]+:\d+$/.test(v)) v = v.slice(0, v.lastIndexOf(':'));
  v = plain(v);
  return isIP(v) ? v : undefined;
}

/** The hops a proxy reports, nearest last: `Forwarded` when present, else `X-Forwarded-For`. */
function reportedHops(header: (name: string) => string | undefined): Array<string | undefined> | undefined {
  const forwarded = header('forwarded');
  if (forwarded) {
    return forwarded.split(',').map((element) => {
      const pair = element.split(';').find((p) => p.trim().toLowerCase().startsWith('for='));
      return pair ? hopAddress(pair.trim().slice(4)) : undefined;
    });
  }
  const xff = header('x-forwarded-for');
  return xff ? xff.split(',').map(hopAddress) : undefined;
}

/**
 * The caller's address for `c`: the socket peer, or (when that peer is a trusted proxy) the nearest reported hop
 * that is not trusted. A malformed hop ends the walk at the last address known to be good. `unknown` without the
 * node adapter.
 */
export function clientIp(trust: ProxyTrust, c: Pick<Context, 'env' | 'req'>): string {
  const peer = (c.env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress;
  if (!peer) return 'unknown';
  let address = plain(peer);
  if (!trust.any || !trusted(trust, address)) return address;
  const hops = reportedHops((name) => c.req.header(name)) ?? [];
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i];
    if (!hop) break;
    address = hop;
    if (!trusted(trust, hop)) break;
  }
  return address;
}
