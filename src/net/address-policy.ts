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
    const embedded = family === 6 ? embeddedIpv4(ip) : [];
    const candidates: Array<[string, 'ipv4' | 'ipv6']> = [
      [ip, family === 4 ? 'ipv4' : 'ipv6'],
      ...embedded.map((address): [string, 'ipv4'] => [address, 'ipv4']),
    ];
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

/** The eight 16-bit groups of an IPv6 address (with or without `::` and a dotted IPv4 tail). */
function ipv6Groups(ip: string): number[] | undefined {
  let text = ip.toLowerCase().split('%')[0] ?? '';
  const dotted = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail, extra] = text.split('::');
  if (extra !== undefined) return undefined;
  const parse = (part: string) =>
    part === '' ? [] : part.split(':').map((group) => Number.parseInt(group, 16));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (tail === undefined && missing !== 0)) return undefined;
  const groups = [...left, ...Array<number>(missing).fill(0), ...right];
  return groups.every((group) => Number.isInteger(group) && group >= 0 && group <= 0xffff)
    ? groups
    : undefined;
}

const ipv4Of = (high: number, low: number) => [high >> 8, high & 255, low >> 8, low & 255].join('.');

/**
 * The IPv4 addresses an IPv6 address carries, which reach that IPv4 host through a translator or a
 * tunnel: mapped (`::ffff:a.b.c.d`), translated (`::ffff:0:a.b.c.d`), compatible (`::a.b.c.d`),
 * NAT64 (`64:ff9b::/96`), 6to4 (`2002:AABB:CCDD::/48`) and Teredo (`2001:0::/32`, server and client).
 */
function embeddedIpv4(ip: string): string[] {
  const groups = ipv6Groups(ip);
  if (!groups) return [];
  const [g0, g1, g2, g3, g4, g5, g6, g7] = groups as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const zeroUntil = (end: number) => groups.slice(0, end).every((group) => group === 0);
  if (zeroUntil(5) && (g5 === 0xffff || g5 === 0)) return [ipv4Of(g6, g7)];
  if (zeroUntil(4) && g4 === 0xffff && g5 === 0) return [ipv4Of(g6, g7)];
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return [ipv4Of(g6, g7)];
  if (g0 === 0x2002) return [ipv4Of(g1, g2)];
  if (g0 === 0x2001 && g1 === 0) return [ipv4Of(g2, g3), ipv4Of(g6 ^ 0xffff, g7 ^ 0xffff)];
  return [];
}
