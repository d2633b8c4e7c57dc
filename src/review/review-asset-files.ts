import type { FileFindings } from '../core/findings.js';
import type { HubContext } from '../core/rules/rule-context.js';
import type { RulesConfig } from '../core/rules/rules-config.js';
import type { AssetFileInput, AssetFileResult } from '../core/validate-asset-file.js';
import { toFileFindings, validateAssetFileResults } from '../core/validate-hub.js';
import type { AssetHasher, AssetHashOutcome } from '../core/verification/asset-hash-outcome.js';
import type { SourceRepoChecker, SourceRepoOutcome } from '../core/verification/hub-conf.js';
import { repoLinkKey, repoLinkOf, sourceRepoFindings } from '../core/verification/source-repo-findings.js';
import { verifiableLink, verificationFindings } from '../core/verification/verification-findings.js';

export interface ReviewAdapters {
  /** Downloads and hashes assets; without it, asset links are checked by form only. */
  hasher?: AssetHasher;
  /** Looks for mindspore_hub_conf.py where repo-link points; without it, repo-link is checked by form only. */
  sourceRepos?: SourceRepoChecker;
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
  const { hasher, sourceRepos } = adapters;
  const results = validateAssetFileResults(inputs, config, hub, { digestLines: hasher !== undefined });
  await Promise.all([
    hasher ? verifyAssets(results, config, hasher) : undefined,
    sourceRepos ? checkSourceRepos(results, config, sourceRepos) : undefined,
  ]);
  return toFileFindings(results);
}

/** Every distinct asset link is downloaded once, however many entries name it. */
async function verifyAssets(
  results: AssetFileResult[],
  config: RulesConfig,
  hasher: AssetHasher,
): Promise<void> {
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

/** Each distinct repository folder is asked once, however many files link to it. */
async function checkSourceRepos(
  results: AssetFileResult[],
  config: RulesConfig,
  checker: SourceRepoChecker,
): Promise<void> {
  const outcomes = new Map<string, Promise<SourceRepoOutcome>>();
  const perFile = results.map((result) => {
    const link = repoLinkOf(result);
    if (!link) return undefined;
    const key = repoLinkKey(link);
    if (!outcomes.has(key)) outcomes.set(key, checker.check(link));
    return outcomes.get(key);
  });
  const answers = await Promise.all(perFile);
  for (const [index, result] of results.entries()) {
    result.findings.push(...sourceRepoFindings(result, answers[index], config));
  }
}
