import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { rootCertificates } from 'node:tls';
import type { AddressPolicy } from './address-policy.js';
import { unwrapIpv6 } from './address-policy.js';
import { DownloadError } from './download-error.js';

export interface GuardOptions {
  policy: AddressPolicy;
  connectTimeoutMs: number;
  /** Certificate authorities (PEM) trusted besides the usual ones, for an on-premises mirror or tests. */
  ca?: string;
  /** Resolver; tests may replace it. */
  lookup?: typeof dnsLookup;
}

type LookupCallback = (error: Error | null, address?: string | LookupAddress[], family?: number) => void;

/**
 * A resolver that refuses a name whose addresses the policy refuses, for the connection to use: the
 * socket connects to the addresses that were checked (no second lookup that DNS rebinding could change).
 */
export function guardedLookup(options: GuardOptions): LookupFunction {
  const resolve = options.lookup ?? dnsLookup;
  return ((hostname: string, lookupOptions: { all?: boolean }, callback: LookupCallback) => {
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
}

/** An IP literal is never looked up: the policy is asked before connecting. */
export function refusedLiteral(policy: AddressPolicy, hostname: string): DownloadError | undefined {
  const host = unwrapIpv6(hostname);
  if (isIP(host) === 0) return undefined;
  const reason = policy.refusalFor(host, host);
  return reason ? new DownloadError('refused-address', `${host} is ${reason}`) : undefined;
}

/**
 * Node's own roots plus the extra ones: TLS's `ca` option replaces the default trust store, so an
 * on-premises mirror's CA given alone would make every public asset host fail its TLS check.
 */
export function trustedCertificates(extra: string): string[] {
  return [...rootCertificates, extra];
}
