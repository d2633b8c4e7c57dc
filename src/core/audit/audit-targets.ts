import type { Finding } from '../findings.js';
import { parseAssetPath } from '../hub-path.js';
import type { RepoLink } from '../links.js';
import type { RulesConfig } from '../rules/rules-config.js';
import type { AssetFileResult } from '../validate-asset-file.js';
import { repoLinkKey, repoLinkOf } from '../verification/source-repo-findings.js';
import { verifiableLink } from '../verification/verification-findings.js';

/** A file of the hub, as the audit names it: its path and the folder of its publisher. */
export interface AuditedFile {
  path: string;
  publisher: string;
}

export interface LinkTarget {
  link: string;
  /** The digests the files that name it write in `asset-sha256`. */
  expected: Set<string>;
  files: AuditedFile[];
}

export interface RepoTarget {
  key: string;
  link: RepoLink;
  files: AuditedFile[];
}

/** What an audit of a hub looks at: each link and each source folder once, whoever names it. */
export interface AuditTargets {
  links: Map<string, LinkTarget>;
  repos: Map<string, RepoTarget>;
  /** Files the hub's own check rejects, with its reasons: `mindspore_hub.load()` cannot read them. */
  rejected: Array<AuditedFile & { reasons: Finding[] }>;
  files: number;
}

export function publisherOf(path: string): string {
  return parseAssetPath(path).segments?.[0] ?? '';
}

export function auditTargets(results: readonly AssetFileResult[], config: RulesConfig): AuditTargets {
  const targets: AuditTargets = { links: new Map(), repos: new Map(), rejected: [], files: results.length };
  for (const result of results) {
    const file = { path: result.path, publisher: publisherOf(result.path) };
    const reasons = result.findings.filter(
      (finding) => finding.origin === 'hub' && finding.severity === 'error',
    );
    if (reasons.length > 0) targets.rejected.push({ ...file, reasons });
    for (const asset of result.facts?.assets ?? []) {
      const link = verifiableLink(asset, config);
      if (link === undefined) continue;
      let target = targets.links.get(link);
      if (!target) {
        target = { link, expected: new Set(), files: [] };
        targets.links.set(link, target);
      }
      if (asset.sha256 !== undefined) target.expected.add(asset.sha256.toLowerCase());
      if (!target.files.some((known) => known.path === file.path)) target.files.push(file);
    }
    const repo = repoLinkOf(result);
    if (repo) {
      const key = repoLinkKey(repo);
      const target = targets.repos.get(key) ?? { key, link: repo, files: [] };
      target.files.push(file);
      targets.repos.set(key, target);
    }
  }
  return targets;
}
