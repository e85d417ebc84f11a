import dns from 'node:dns';
import net from 'node:net';

/**
 * Where the outgoing channels may connect (SSRF guard, issue 17 finding 3). The office types the
 * webhook URLs and the SMTP host, so without a guard an urge would make the server POST to any
 * address of the intranet. The rule:
 * - a host is allowed only if it is one of the official robot hosts or the deployment names it
 *   (DUBAN_CHANNEL_HOSTS, config.channelHosts) — never by an office setting;
 * - an official host must resolve to public addresses only: loopback, private, link-local and the
 *   other special-use ranges (IPv4 and IPv6, mapped forms included) are refused. A host the
 *   deployment names explicitly (an intranet mail server) may resolve anywhere;
 * - the connection goes to the address that was checked (pinnedLookup), so a name cannot resolve
 *   to a public address for the check and to a private one for the connection (DNS rebinding).
 * What goes wrong is told as a ChannelError: a short Chinese category, never the remote reply.
 */
export const OFFICIAL_CHANNEL_HOSTS = ['qyapi.weixin.qq.com', 'oapi.dingtalk.com'] as const;

/** A failure of an outgoing channel in words fit for the office (stored as the delivery's lastError). */
export class ChannelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChannelError';
  }
}

export type ChannelHostPolicy = { channelHosts: readonly string[] };

/** One message for every network failure: refused, filtered, unreachable and timeout look alike. */
export const UNREACHABLE = '连接对方服务器失败（未连通或超时），请稍后重试；多次失败请检查网络或通道设置';

export function notAllowedMessage(host: string): string {
  return `不允许连接主机「${host}」：外发通道只连接企业微信、钉钉的官方地址（qyapi.weixin.qq.com、oapi.dingtalk.com）和部署方在 DUBAN_CHANNEL_HOSTS 中列出的主机。请改用官方地址，或请系统部署人员把该主机加入 DUBAN_CHANNEL_HOSTS`;
}

/** The host as compared: lower case, without brackets or a trailing dot, IP literals canonical (0x7f.1 → 127.0.0.1). */
export function normaliseHost(host: string): string | null {
  const h = host.trim();
  if (!h || /[\s/?#@]/.test(h)) return null;
  try {
    const bare = h.replace(/^\[(.*)\]$/, '$1');
    // A port or anything else after a colon is not a host.
    if (bare.includes(':') && !net.isIPv6(bare)) return null;
    const hostname = new URL(`http://${net.isIPv6(bare) ? `[${bare}]` : bare}`).hostname;
    return hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '').toLowerCase() || null;
  } catch {
    return null;
  }
}

/** 'official' or 'deployment' for an allowed host; null for any other. */
export function hostAllowance(host: string, policy: ChannelHostPolicy): 'official' | 'deployment' | null {
  const h = normaliseHost(host);
  if (!h) return null;
  if (policy.channelHosts.includes(h)) return 'deployment';
  return (OFFICIAL_CHANNEL_HOSTS as readonly string[]).includes(h) ? 'official' : null;
}

const V4_SPECIAL: [string, number][] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata lives here)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
];

const V6_SPECIAL: [string, number][] = [
  ['::', 96], // unspecified, loopback, IPv4-compatible (deprecated)
  ['64:ff9b::', 96], // NAT64: reaches any IPv4 address
  ['64:ff9b:1::', 48], // local NAT64
  ['100::', 64], // discard
  ['2001::', 23], // IETF protocol assignments (Teredo among them)
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4: embeds any IPv4 address
  ['fc00::', 7], // unique local (private)
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
];

function v4ToInt(a: string): number {
  return a.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function v6ToBigInt(a: string): bigint {
  let text = a.toLowerCase();
  // A dotted tail (::ffff:1.2.3.4) becomes two hex groups.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const n = v4ToInt(dotted[1]!);
    text = text.slice(0, -dotted[1]!.length) + `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const groups =
    tail === undefined ? headGroups : [...headGroups, ...Array(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups];
  return groups.reduce((n, g) => (n << 16n) + BigInt(parseInt(g || '0', 16)), 0n);
}

function inV4(n: number, [base, bits]: [string, number]): boolean {
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return ((n & mask) >>> 0) === ((v4ToInt(base) & mask) >>> 0);
}

function inV6(n: bigint, [base, bits]: [string, number]): boolean {
  const shift = BigInt(128 - bits);
  return n >> shift === v6ToBigInt(base) >> shift;
}

/** Whether an address is public: not loopback, private, link-local or any other special-use range. */
export function isPublicAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return !V4_SPECIAL.some((r) => inV4(v4ToInt(address), r));
  if (family !== 6) return false;
  const n = v6ToBigInt(address.replace(/%.*$/, ''));
  // IPv4-mapped (::ffff:a.b.c.d): judged as the IPv4 address it is.
  if (n >> 32n === 0xffffn) {
    const v4 = Number(n & 0xffffffffn);
    return isPublicAddress([v4 >>> 24, (v4 >>> 16) & 255, (v4 >>> 8) & 255, v4 & 255].join('.'));
  }
  return !V6_SPECIAL.some((r) => inV6(n, r));
}

export type Resolved = { address: string; family: 4 | 6 };
export type LookupAll = (host: string) => Promise<Resolved[]>;

const systemLookup: LookupAll = async (host) =>
  (await dns.promises.lookup(host, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

/**
 * The address to connect to for this host, after the checks above; throws a ChannelError when the
 * host is not allowed or an official host resolves to a special-use address. The allow-list is
 * checked before any DNS query, so an office cannot use the server to probe internal names.
 */
export async function checkedAddress(
  host: string,
  policy: ChannelHostPolicy,
  lookup: LookupAll = systemLookup,
): Promise<Resolved & { host: string }> {
  const allowance = hostAllowance(host, policy);
  const h = normaliseHost(host);
  if (!allowance || !h) throw new ChannelError(notAllowedMessage(host));
  let addresses: Resolved[];
  const literal = net.isIP(h);
  if (literal) addresses = [{ address: h, family: literal === 6 ? 6 : 4 }];
  else {
    try {
      addresses = await lookup(h);
    } catch {
      throw new ChannelError(UNREACHABLE);
    }
  }
  if (addresses.length === 0) throw new ChannelError(UNREACHABLE);
  if (allowance !== 'deployment' && addresses.some((a) => !isPublicAddress(a.address)))
    throw new ChannelError(notAllowedMessage(host));
  return { host: h, ...addresses[0]! };
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/** A lookup for http.request / net.connect that answers only the checked address (no second DNS query). */
export function pinnedLookup(target: Resolved) {
  return (_host: string, options: dns.LookupOptions | LookupCallback, callback?: LookupCallback) => {
    const cb = (typeof options === 'function' ? options : callback)!;
    const all = typeof options === 'object' && options.all;
    if (all) cb(null, [{ address: target.address, family: target.family }]);
    else cb(null, target.address, target.family);
  };
}
