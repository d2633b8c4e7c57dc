import { MshubError } from '../../core/errors.js';
import type { AuditAccess, HostedPlatform } from '../../review/hosted-platform.js';
import type { ReviewRequest } from '../../review/review-request.js';
import type { SiteSyncRequest } from '../../site/site-sync-request.js';
import type { GiteeApi } from './gitee-api.js';
import { GiteeHubTree } from './gitee-hub-tree.js';
import { GiteeIssueTracker } from './gitee-issue-tracker.js';
import { GiteePullRequestSource } from './gitee-pull-request.js';
import { GiteeReporter, type GiteeReporterOptions } from './gitee-reporter.js';

export interface GiteePlatformSettings extends GiteeReporterOptions {
  api: GiteeApi;
}

/** Gitee, through its API v5 with the bot's token: pull requests, the sticky comment and labels, hub trees. */
export class GiteePlatform implements HostedPlatform {
  constructor(private readonly settings: GiteePlatformSettings) {}

  async pullRequest(request: ReviewRequest) {
    const { api } = this.settings;
    return {
      source: new GiteePullRequestSource(api, request, request.pullNumber),
      reporter: new GiteeReporter(api, { ...request, pullNumber: () => request.pullNumber }, this.settings),
    };
  }

  async hubTree(request: SiteSyncRequest) {
    return new GiteeHubTree(this.settings.api, request);
  }

  async auditAccess(hub: { owner: string; repo: string }): Promise<AuditAccess> {
    const { api } = this.settings;
    return {
      tree: new GiteeHubTree(api, hub),
      issues: new GiteeIssueTracker(api, hub.owner, hub.repo),
    };
  }

  async defaultHead(hub: { owner: string; repo: string }): Promise<{ commit: string }> {
    const { api } = this.settings;
    const base = `/repos/${encodeURIComponent(hub.owner)}/${encodeURIComponent(hub.repo)}`;
    const repository = await api.request<{ default_branch?: string }>('GET', base);
    const branch = repository?.default_branch || 'master';
    const head = await api.request<{ commit?: { sha?: string } }>(
      'GET',
      `${base}/branches/${encodeURIComponent(branch)}`,
    );
    const sha = head?.commit?.sha;
    if (!sha || !/^[0-9a-f]{7,64}$/i.test(sha))
      throw new MshubError(
        'HUB_TREE_UNREADABLE',
        `the head of ${hub.owner}/${hub.repo}@${branch} cannot be read`,
      );
    return { commit: sha };
  }
}
