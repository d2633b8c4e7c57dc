import { run } from 'probot';
import type { Environment } from '../config/environment.js';
import { AssetVerifier } from '../net/asset-verifier.js';
import { GiteeApi } from '../platforms/gitee/gitee-api.js';
import { HostedSourceRepoChecker } from '../platforms/source-repos/source-repo-checker.js';
import { ReviewService } from '../service/review-service.js';
import { createServerApp } from '../service/server-app.js';

/**
 * `mshub-review serve`: the webhook server (Probot's, with its settings APP_ID, PRIVATE_KEY,
 * WEBHOOK_SECRET, GHE_HOST, PORT, ...), the Gitee webhook beside it, and in this process the
 * queue that runs the reviews.
 */
export async function runServe(environment: Environment): Promise<{ stop(): Promise<void> }> {
  const verifier = new AssetVerifier(environment.downloads);
  const sourceRepos = new HostedSourceRepoChecker(environment.sourceRepos);
  const { gitee } = environment;
  const service = new ReviewService({
    adapters: { hasher: verifier, sourceRepos },
    concurrency: environment.reviewConcurrency,
    gitee: { api: new GiteeApi(gitee.api), webUrl: gitee.webUrl, labels: gitee.labels },
  });
  const server = await run(createServerApp(service, gitee), { env: environment.probot });
  return {
    async stop() {
      await server.stop();
      await service.queue.idle();
      await verifier.close();
    },
  };
}
