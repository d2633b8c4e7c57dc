import type { HostedPlatform } from '../../review/hosted-platform.js';
import type { ReviewRequest } from '../../review/review-request.js';
import type { SiteSyncRequest } from '../../site/site-sync-request.js';
import type { GiteeApi } from './gitee-api.js';
import { GiteeHubTree } from './gitee-hub-tree.js';
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
}
