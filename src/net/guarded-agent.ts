import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { createSecureContext, rootCertificates } from 'node:tls';
import { Agent, buildConnector } from 'undici';
import type { AddressPolicy } from './address-policy.js';
import { unwrapIpv6 } from './address-policy.js';
import { DownloadError } from './download-error.js';

export interface GuardedAgentOptions {
  policy: AddressPolicy;
  connectTimeoutMs: number;
  /** Certificate authorities (PEM) trusted besides the usual ones, for an on-premises mirror or tests. */
  ca?: string;
  /** Resolver; tests may replace it. */
  lookup?: typeof dnsLookup;
}

/**
 * The only dispatcher that opens connections to asset hosts. Each connection, including every
 * redirect hop, is checked: an IP literal before connecting, a name after resolving it, and the socket
 * connects to the addresses that were checked (no second lookup that DNS rebinding could change).
 */
export function createGuardedAgent(options: GuardedAgentOptions): Agent {
  const resolve = options.lookup ?? dnsLookup;
  const guardedLookup = ((hostname: string, lookupOptions: { all?: boolean }, callback: LookupCallback) => {
    resolve(hostname, { all: true, verbatim: true }, (error, addresses: LookupAddress[]) => {
      if (error) {
        callback(
          new DownloadError(
            'dns',
            `the name ${hostname} could not be resolved (${error.code ?? error.message})`,
            { cause: error },
          ),
        );
        return;
      }
      const refused = addresses
        .map((entry) => [entry.address, options.policy.refusalFor(entry.address, hostname)] as const)
        .find(([, reason]) => reason);
      if (refused) {
        callback(
          new DownloadError('refused-address', `${hostname} resolves to ${refused[0]}, ${refused[1]}`),
        );
        return;
      }
      if (lookupOptions.all) callback(null, addresses);
      else callback(null, addresses[0]?.address ?? '', addresses[0]?.family ?? 4);
    });
  }) as unknown as LookupFunction;

  // One context for every connection: given as `ca`, Node would parse the whole trust store (150
  // roots and the extra one) again at each TLS connection, some 20 ms of CPU each.
  const connector = buildConnector({
    timeout: options.connectTimeoutMs,
    lookup: guardedLookup,
    ...(options.ca ? { secureContext: createSecureContext({ ca: trustedCertificates(options.ca) }) } : {}),
  } as buildConnector.BuildOptions);

  return new Agent({
    connect: (connectOptions, callback) => {
      const host = unwrapIpv6(connectOptions.hostname);
      if (isIP(host) !== 0) {
        const reason = options.policy.refusalFor(host, host);
        if (reason) {
          callback(new DownloadError('refused-address', `${host} is ${reason}`), null);
          return;
        }
      }
      connector(connectOptions, callback);
    },
  });
}

type LookupCallback = (error: Error | null, address?: string | LookupAddress[], family?: number) => void;

/**
 * Node's own roots plus the extra ones: TLS's `ca` option replaces the default trust store, so an
 * on-premises mirror's CA given alone would make every public asset host fail its TLS check.
 */
export function trustedCertificates(extra: string): string[] {
  return [...rootCertificates, extra];
}
