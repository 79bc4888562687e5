import { BlockList, isIP } from 'node:net';

/**
 * Which addresses a webhook may be delivered to. Only public unicast addresses: never loopback,
 * private (RFC 1918, unique local), link-local (where cloud metadata lives, 169.254.169.254 and
 * fd00:ec2::254), carrier-grade NAT, documentation, benchmarking, multicast or reserved ranges. The
 * development flag lets loopback IP literals through, nothing else: a host name that resolves to
 * loopback stays refused (DNS rebinding).
 */
const nonPublic = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  nonPublic.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 23],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  nonPublic.addSubnet(network, prefix, 'ipv6');
}

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** `[::1]` → `::1`; an IPv4-mapped IPv6 address (`::ffff:10.0.0.1`) → its IPv4 address. */
export function normalizeAddress(address: string): string {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  return mapped ? mapped[1]! : bare.toLowerCase();
}

export function isLoopbackAddress(address: string): boolean {
  const ip = normalizeAddress(address);
  const family = isIP(ip);
  return family !== 0 && loopback.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}

/** Whether a webhook may connect to this IP address (not a host name). */
export function isPublicAddress(address: string): boolean {
  const ip = normalizeAddress(address);
  const family = isIP(ip);
  if (family === 0) return false;
  if (family === 6 && /^::ffff:/i.test(ip)) return false; // a mapped form this parser did not unwrap
  return !nonPublic.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}

export interface UrlPolicy {
  /** Development only: http and https to loopback IP literals (127.0.0.1, [::1]) are allowed. */
  allowHttpLoopback: boolean;
}

/** A URL that passed the static checks: what to connect to, and whether its host is an IP literal. */
export interface CheckedUrl {
  url: URL;
  /** The host as an address when the URL names one (no DNS); undefined for a host name. */
  address?: string;
}

/**
 * The checks that need no DNS: a parseable absolute URL without credentials, https (http to loopback
 * literals under the development flag), and an IP literal host that is public (or loopback under the
 * flag). Returns the reason for a refusal, or the checked URL. A host name is checked again when
 * it is resolved, at registration and at every connection.
 */
export function checkWebhookUrl(raw: string, policy: UrlPolicy): { refused: string } | CheckedUrl {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { refused: 'must be an absolute URL, such as https://example.com/webhooks' };
  }
  if (url.username || url.password) return { refused: 'must not carry a user name or password' };
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { refused: 'must be an https URL' };
  if (url.hash) return { refused: 'must not have a fragment (#…)' };
  const host = normalizeAddress(url.hostname);
  const literal = isIP(host) !== 0;
  const devLoopback = policy.allowHttpLoopback && literal && isLoopbackAddress(host);
  if (url.protocol === 'http:' && !devLoopback) {
    return {
      refused: policy.allowHttpLoopback
        ? 'must be an https URL (http is allowed to 127.0.0.1 and [::1] only, in development)'
        : 'must be an https URL',
    };
  }
  if (literal) {
    if (devLoopback) return { url, address: host };
    if (!isPublicAddress(host)) return { refused: `must not point at a private, loopback, link-local or reserved address (${host})` };
    return { url, address: host };
  }
  if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i.test(host)) {
    return { refused: 'must name a valid host' };
  }
  if (host.endsWith('.internal') || host.endsWith('.local')) {
    return { refused: `must not point at a local host name (${host})` };
  }
  return { url };
}

/** The first resolved address that is not public, if any: then the host name is refused. */
export function firstNonPublic(addresses: readonly string[]): string | undefined {
  return addresses.find((address) => !isPublicAddress(address));
}
