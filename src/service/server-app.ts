import type { ApplicationFunction } from 'probot';
import type { GiteeSettings } from '../config/environment.js';
import { createGiteeWebhookHandler } from '../platforms/gitee/gitee-webhook-handler.js';
import { createGitHubApp } from '../platforms/github/github-app.js';
import { Activity } from './activity.js';
import { createOperatorHandler, type OperatorSources } from './operator-view.js';
import type { ReviewService } from './review-service.js';
import type { SiteSyncService } from './site-sync-service.js';

/** Everything `mshub-review serve` mounts on Probot's server: the GitHub App, the Gitee webhook, the operator's pages. */
export function createServerApp(
  service: ReviewService,
  gitee: GiteeSettings,
  siteSync?: SiteSyncService,
  operator?: OperatorSources,
): ApplicationFunction {
  const github = createGitHubApp(service, siteSync);
  return async (app, options) => {
    await github(app, options);
    options.addHandler(
      createGiteeWebhookHandler({
        service,
        ...(siteSync ? { siteSync } : {}),
        auth: gitee.webhook,
        maxBodyBytes: gitee.webhook.maxBodyBytes,
        log: app.log,
      }),
    );
    options.addHandler(createOperatorHandler(operator ?? { activity: new Activity(), queue: service.queue }));
  };
}
