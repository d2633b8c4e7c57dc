import type { AuditHash, LinkObservation } from '../core/audit/link-transition.js';
import { AddressPolicy } from './address-policy.js';
import { type AssetDownloadSettings, AssetVerifier } from './asset-verifier.js';
import { createGuardedAgent } from './guarded-agent.js';
import { observeLink } from './link-probe.js';
import { undiciSend } from './undici-send.js';

export interface AuditNetwork {
  observe(link: string): Promise<LinkObservation>;
  hash(link: string): Promise<AuditHash>;
  close(): Promise<void>;
}

/**
 * The audit's requests to asset hosts, under the guard every review download goes through: one
 * agent for the cheap requests, and a verifier with no cache (an audit wants the bytes as they are now).
 */
export function createAuditNetwork(settings: AssetDownloadSettings): AuditNetwork {
  const agent = createGuardedAgent({
    policy: new AddressPolicy({ allowPrivate: settings.allowPrivateHosts }),
    connectTimeoutMs: settings.connectTimeoutMs,
    ...(settings.ca ? { ca: settings.ca } : {}),
  });
  const send = undiciSend(agent);
  const verifier = new AssetVerifier({ ...settings, cacheTtlMs: 0 });
  return {
    observe: (link) => observeLink(link, send, settings),
    async hash(link) {
      const outcome = await verifier.hash(link);
      if (outcome.ok) return outcome;
      return {
        ok: false,
        final: outcome.kind === 'unreachable',
        ...(outcome.kind === 'too-large' ? { tooLarge: true } : {}),
        ...(outcome.kind === 'unresolved' ? { unresolved: true } : {}),
        reason: outcome.reason,
      };
    },
    close: async () => void (await Promise.all([agent.close(), verifier.close()])),
  };
}
