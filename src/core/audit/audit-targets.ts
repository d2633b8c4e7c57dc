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

/**
 * The links an audit looks at, each once, whoever names it: a `Map` in memory, or a store that keeps
 * them off the heap (a file), so that a hub's links cost the audit no memory each.
 */
export interface LinkTargets {
  get(link: string): LinkTarget | undefined;
  set(link: string, target: LinkTarget): unknown;
  values(): Iterable<LinkTarget>;
  readonly size: number;
}

/** What an audit of a hub looks at: each link and each source folder once, whoever names it. */
export interface AuditTargets {
  links: LinkTargets;
  repos: Map<string, RepoTarget>;
  /** Files the hub's own check rejects, with its reasons: `mindspore_hub.load()` cannot read them. */
  rejected: Array<AuditedFile & { reasons: Finding[] }>;
  files: number;
}

export function publisherOf(path: string): string {
  return parseAssetPath(path).segments?.[0] ?? '';
}

/**
 * Gathers the targets a file at a time, so that a hub's files can be checked one by one and let go:
 * only what the audit needs of each is kept, in `links` (a `Map` unless a store is given).
 */
export function auditTargetsCollector(
  config: RulesConfig,
  links: LinkTargets = new Map<string, LinkTarget>(),
): { targets: AuditTargets; add(result: AssetFileResult): void } {
  const targets: AuditTargets = { links, repos: new Map(), rejected: [], files: 0 };
  const add = (result: AssetFileResult) => {
    targets.files++;
    const file = { path: result.path, publisher: publisherOf(result.path) };
    const reasons = result.findings.filter(
      (finding) => finding.origin === 'hub' && finding.severity === 'error',
    );
    if (reasons.length > 0) targets.rejected.push({ ...file, reasons });
    for (const asset of result.facts?.assets ?? []) {
      const link = verifiableLink(asset, config);
      if (link === undefined) continue;
      const target = targets.links.get(link) ?? { link, expected: new Set<string>(), files: [] };
      const digest = asset.sha256?.toLowerCase();
      const newDigest = digest !== undefined && !target.expected.has(digest);
      const newFile = !target.files.some((known) => known.path === file.path);
      if (newDigest) target.expected.add(digest);
      if (newFile) target.files.push(file);
      // Written back only when it changed: a store off the heap holds a copy, not this object.
      if (newDigest || newFile) targets.links.set(link, target);
    }
    const repo = repoLinkOf(result);
    if (repo) {
      const key = repoLinkKey(repo);
      const target = targets.repos.get(key) ?? { key, link: repo, files: [] };
      target.files.push(file);
      targets.repos.set(key, target);
    }
  };
  return { targets, add };
}
