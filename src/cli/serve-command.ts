import { run } from 'probot';
import type { Environment } from '../config/environment.js';
import { AssetVerifier } from '../net/asset-verifier.js';
import { GiteeApi } from '../platforms/gitee/gitee-api.js';
import { HostedSourceRepoChecker } from '../platforms/source-repos/source-repo-checker.js';
import { Activity } from '../service/activity.js';
import { ReviewService } from '../service/review-service.js';
import { createServerApp } from '../service/server-app.js';
import { SiteSyncService } from '../service/site-sync-service.js';

/**
 * `mshub-review serve`: the webhook server (Probot's, with its settings APP_ID, PRIVATE_KEY,
 * WEBHOOK_SECRET, GHE_HOST, PORT, ...), the Gitee webhook beside it, and in this process the
 * queue that runs the reviews.
 */
export async function runServe(environment: Environment): Promise<{ stop(): Promise<void> }> {
  const verifier = new AssetVerifier(environment.downloads);
  const sourceRepos = new HostedSourceRepoChecker(environment.sourceRepos);
  const { gitee } = environment;
  const giteeApi = new GiteeApi(gitee.api);
  const activity = new Activity();
  const service = new ReviewService({
    activity,
    adapters: { hasher: verifier, sourceRepos },
    concurrency: environment.reviewConcurrency,
    gitee: { api: giteeApi, webUrl: gitee.webUrl, labels: gitee.labels },
  });
  const siteSync = new SiteSyncService({ ...environment.site, gitee: giteeApi, activity });
  const operator = { activity, verifier, queueDepth: () => service.queue.depth() };
  const server = await run(createServerApp(service, gitee, siteSync, operator), { env: environment.probot });
  return {
    async stop() {
      await server.stop();
      await Promise.all([service.queue.idle(), siteSync.idle()]);
      await verifier.close();
    },
  };
}
