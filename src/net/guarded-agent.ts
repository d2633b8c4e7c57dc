import { createSecureContext } from 'node:tls';
import { Agent, buildConnector } from 'undici';
import { type GuardOptions, guardedLookup, refusedLiteral, trustedCertificates } from './guarded-lookup.js';

export type GuardedAgentOptions = GuardOptions;

/**
 * The undici dispatcher of the audit's probes to asset hosts. Each connection, including every
 * redirect hop, is checked: an IP literal before connecting, a name after resolving it, and the socket
 * connects to the addresses that were checked (no second lookup that DNS rebinding could change).
 */
export function createGuardedAgent(options: GuardedAgentOptions): Agent {
  // One context for every connection: given as `ca`, Node would parse the whole trust store (150
  // roots and the extra one) again at each TLS connection, some 20 ms of CPU each.
  const connector = buildConnector({
    timeout: options.connectTimeoutMs,
    lookup: guardedLookup(options),
    ...(options.ca ? { secureContext: createSecureContext({ ca: trustedCertificates(options.ca) }) } : {}),
  } as buildConnector.BuildOptions);

  return new Agent({
    connect: (connectOptions, callback) => {
      const refused = refusedLiteral(options.policy, connectOptions.hostname);
      if (refused) {
        callback(refused, null);
        return;
      }
      connector(connectOptions, callback);
    },
  });
}
