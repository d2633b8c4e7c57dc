import { MshubError } from '../core/errors.js';
import type { HubTreeSource } from '../site/site-sync.js';
import type { SiteSyncRequest } from '../site/site-sync-request.js';
import type { IssueTracker } from './audit-issue.js';
import type { PullRequestSource, ReviewReporter } from './review-platform.js';
import type { PlatformName, ReviewRequest } from './review-request.js';

/**
 * What a hosting platform does for the bot, one capability each: read and report on a pull request,
 * read a hub's tree at a commit. Each platform implements it in its own folder; the composition
 * root registers the configured ones, and the services look them up by name.
 */
export interface HostedPlatform {
  /** The pull request's source and the reporter, for one review. */
  pullRequest(request: ReviewRequest): Promise<{ source: PullRequestSource; reporter: ReviewReporter }>;
  /** The hub repository's files at the request's commit, for a site sync. */
  hubTree(request: SiteSyncRequest): Promise<HubTreeSource>;
  /** A hub repository at the head of its default branch, with its issues, for a scheduled audit. */
  auditAccess(hub: { owner: string; repo: string }): Promise<AuditAccess>;
  /** The commit at the head of a hub's default branch (and the App's installation there, on GitHub). */
  defaultHead(hub: { owner: string; repo: string }): Promise<{ commit: string; installationId?: number }>;
}

/** What an audit reads and writes on a hub repository (at the commit `defaultHead` names). */
export interface AuditAccess {
  tree: HubTreeSource;
  issues: IssueTracker;
}

/** The configured platforms, by name; a platform without settings is absent. */
export type PlatformRegistry = Partial<Record<PlatformName, HostedPlatform>>;

export function platformFor(
  registry: PlatformRegistry,
  request: Pick<ReviewRequest, 'platform' | 'owner' | 'repo'>,
): HostedPlatform {
  const platform = Object.hasOwn(registry, request.platform) ? registry[request.platform] : undefined;
  if (!platform)
    throw new MshubError(
      'PLATFORM_NOT_CONFIGURED',
      `no ${request.platform} client is configured for ${request.owner}/${request.repo}`,
    );
  return platform;
}
