import { BlockList, isIP } from 'node:net';

/** Ranges no asset download may reach: the machine itself, private networks, cloud metadata. */
const FORBIDDEN_RANGES: ReadonlyArray<[string, number, 'ipv4' | 'ipv6', string]> = [
  ['0.0.0.0', 8, 'ipv4', 'an unspecified address'],
  ['10.0.0.0', 8, 'ipv4', 'a private address'],
  ['100.64.0.0', 10, 'ipv4', 'a shared (carrier-grade NAT) address'],
  ['127.0.0.0', 8, 'ipv4', 'a loopback address'],
  ['169.254.0.0', 16, 'ipv4', 'a link-local or cloud-metadata address'],
  ['172.16.0.0', 12, 'ipv4', 'a private address'],
  ['192.0.0.0', 24, 'ipv4', 'a reserved address'],
  ['192.0.2.0', 24, 'ipv4', 'a documentation address'],
  ['192.88.99.0', 24, 'ipv4', 'a reserved relay address'],
  ['192.168.0.0', 16, 'ipv4', 'a private address'],
  ['198.18.0.0', 15, 'ipv4', 'a benchmarking address'],
  ['198.51.100.0', 24, 'ipv4', 'a documentation address'],
  ['203.0.113.0', 24, 'ipv4', 'a documentation address'],
  ['224.0.0.0', 4, 'ipv4', 'a multicast address'],
  ['240.0.0.0', 4, 'ipv4', 'a reserved address'],
  ['::', 128, 'ipv6', 'an unspecified address'],
  ['::1', 128, 'ipv6', 'a loopback address'],
  ['::', 96, 'ipv6', 'an IPv4-compatible address'],
  ['64:ff9b:1::', 48, 'ipv6', 'a local translation address'],
  ['100::', 64, 'ipv6', 'a discard address'],
  ['2001:db8::', 32, 'ipv6', 'a documentation address'],
  ['fc00::', 7, 'ipv6', 'a unique-local (private) address'],
  ['fe80::', 10, 'ipv6', 'a link-local address'],
  ['fec0::', 10, 'ipv6', 'a site-local address'],
  ['ff00::', 8, 'ipv6', 'a multicast address'],
];

const IPV4_IN_IPV6 = /^(?:::ffff:|64:ff9b::|::)((?:\d{1,3}\.){3}\d{1,3})$/i;
const HEX_IPV4_IN_IPV6 = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i;

export interface AddressPolicyOptions {
  /** Host names or CIDR ranges exempt from the guard (ALLOW_PRIVATE_ASSET_HOSTS). */
  allowPrivate?: readonly string[];
}

/**
 * Decides which addresses an asset download may connect to. Addresses are checked after DNS
 * resolution, so every notation of an address (`127.1`, `0x7f000001`, `::ffff:127.0.0.1`) and every
 * name that resolves to one is judged by the address itself.
 */
export class AddressPolicy {
  private readonly ranges: Array<{ list: BlockList; reason: string }>;
  private readonly exemptRanges = new BlockList();
  private readonly exemptHosts = new Set<string>();

  constructor(options: AddressPolicyOptions = {}) {
    this.ranges = FORBIDDEN_RANGES.map(([network, prefix, family, reason]) => {
      const list = new BlockList();
      list.addSubnet(network, prefix, family);
      return { list, reason };
    });
    for (const entry of options.allowPrivate ?? []) this.addExemption(entry.trim());
  }

  /** Why `address` may not be reached from `hostname`, or undefined when it may. */
  refusalFor(address: string, hostname?: string): string | undefined {
    if (hostname && this.exemptHosts.has(normalizeHost(hostname))) return undefined;
    const ip = unwrapIpv6(address);
    const family = isIP(ip);
    if (family === 0) return 'not an IP address';
    const embedded = family === 6 ? embeddedIpv4(ip) : undefined;
    const candidates: Array<[string, 'ipv4' | 'ipv6']> = embedded ? [[embedded, 'ipv4']] : [];
    candidates.push([ip, family === 4 ? 'ipv4' : 'ipv6']);
    for (const [candidate, type] of candidates) {
      if (this.exemptRanges.check(candidate, type)) return undefined;
    }
    for (const [candidate, type] of candidates) {
      const match = this.ranges.find(({ list }) => list.check(candidate, type));
      if (match) return match.reason;
    }
    return undefined;
  }

  private addExemption(entry: string): void {
    if (entry === '') return;
    const [network = '', prefixText] = entry.split('/');
    const ip = unwrapIpv6(network);
    const family = isIP(ip);
    if (family === 0) {
      this.exemptHosts.add(normalizeHost(entry));
      return;
    }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    const prefix = prefixText === undefined ? (family === 4 ? 32 : 128) : Number(prefixText);
    this.exemptRanges.addSubnet(ip, prefix, type);
  }
}

export function unwrapIpv6(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

function normalizeHost(host: string): string {
  return unwrapIpv6(host).toLowerCase().replace(/\.$/, '');
}

/** The IPv4 address inside an IPv4-mapped, -compatible or NAT64 IPv6 address. */
function embeddedIpv4(ip: string): string | undefined {
  const dotted = IPV4_IN_IPV6.exec(ip)?.[1];
  if (dotted) return dotted;
  const hex = HEX_IPV4_IN_IPV6.exec(ip);
  if (!hex) return undefined;
  const high = Number.parseInt(hex[1] ?? '0', 16);
  const low = Number.parseInt(hex[2] ?? '0', 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}
