import type { FileFindings } from '../core/findings.js';
import type { HubContext } from '../core/rules/rule-context.js';
import type { RulesConfig } from '../core/rules/rules-config.js';
import type { AssetFileInput } from '../core/validate-asset-file.js';
import { toFileFindings, validateAssetFileResults } from '../core/validate-hub.js';
import type { AssetHasher, AssetHashOutcome } from '../core/verification/asset-hash-outcome.js';
import { verifiableLink, verificationFindings } from '../core/verification/verification-findings.js';

export interface ReviewAdapters {
  /** Downloads and hashes assets; without it, asset links are checked by form only. */
  hasher?: AssetHasher;
}

/**
 * The review pipeline shared by the CLI, the GitHub app and the Gitee adapter: the rules on every
 * file, then (with a hasher) every distinct asset link downloaded once and compared to its digest.
 */
export async function reviewAssetFiles(
  inputs: Iterable<AssetFileInput>,
  config: RulesConfig,
  hub: HubContext,
  adapters: ReviewAdapters = {},
): Promise<FileFindings[]> {
  const results = validateAssetFileResults(inputs, config, hub);
  const { hasher } = adapters;
  if (hasher) {
    const links = new Set<string>();
    for (const result of results) {
      for (const asset of result.facts?.assets ?? []) {
        const link = verifiableLink(asset, config);
        if (link !== undefined) links.add(link);
      }
    }
    const outcomes = new Map<string, AssetHashOutcome>(
      await Promise.all([...links].map(async (link) => [link, await hasher.hash(link)] as const)),
    );
    for (const result of results) result.findings.push(...verificationFindings(result, outcomes, config));
  }
  return toFileFindings(results);
}
