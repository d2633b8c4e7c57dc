import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApplicationFunction } from 'probot';
import type { GiteeSettings } from '../config/environment.js';
import { createGiteeWebhookHandler } from '../platforms/gitee/gitee-webhook-handler.js';
import { createGitHubApp } from '../platforms/github/github-app.js';
import { createOperatorHandler, type OperatorSources } from './operator-view.js';
import type { ReviewService } from './review-service.js';
import type { SiteSyncService } from './site-sync-service.js';

/** Everything `mshub-review serve` mounts on Probot's server: the GitHub App, the Gitee webhook, the health check. */
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
    if (operator) options.addHandler(createOperatorHandler(operator));
    options.addHandler((request: IncomingMessage, response: ServerResponse) => {
      if (request.method !== 'GET' || request.url?.split('?')[0] !== '/healthz') return false;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ status: 'ok' }));
      return true;
    });
  };
}
