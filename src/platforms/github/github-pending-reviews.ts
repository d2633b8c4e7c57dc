import { CHECK_NAME } from '../../core/report/check-run-output.js';
import type { PendingReviewOptions } from '../../review/pending-review.js';
import type { ReviewRequest } from '../../review/review-request.js';
import type { GitHubAuth } from './github-auth.js';

/**
 * The reviews a stopped server left unfinished on GitHub: open pull requests, in every repository the
 * app is installed on, whose head commit has an `mshub-review` check run that never completed, or
 * none at all though the pull request changed recently (its webhook arrived while the server was down).
 */
export async function findPendingGitHubReviews(
  auth: GitHubAuth,
  options: PendingReviewOptions,
): Promise<ReviewRequest[]> {
  const app = await auth();
  const installations = await app.paginate(app.rest.apps.listInstallations, { per_page: 100 });
  const pending: ReviewRequest[] = [];
  for (const installation of installations) {
    const octokit = await auth(installation.id);
    const repositories = await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, {
      per_page: 100,
    });
    for (const repository of repositories) {
      const owner = repository.owner.login;
      const repo = repository.name;
      try {
        const { data: pulls } = await octokit.rest.pulls.list({
          owner,
          repo,
          state: 'open',
          sort: 'updated',
          direction: 'desc',
          per_page: options.maxPullsPerRepository,
        });
        for (const pull of pulls) {
          const { data } = await octokit.rest.checks.listForRef({
            owner,
            repo,
            ref: pull.head.sha,
            check_name: CHECK_NAME,
            filter: 'latest',
          });
          const unfinished = data.check_runs.some((run) => run.status !== 'completed');
          const unseen =
            data.check_runs.length === 0 && options.now() - Date.parse(pull.updated_at) < options.recentMs;
          if (!unfinished && !unseen) continue;
          pending.push({
            platform: 'github',
            owner,
            repo,
            pullNumber: pull.number,
            headSha: pull.head.sha,
            installationId: installation.id,
            deliveryId: `recovery:github:${owner}/${repo}#${pull.number}@${pull.head.sha}`,
            trigger: 'startup.recovery',
          });
        }
      } catch (error) {
        options.onError(error, `${owner}/${repo}`);
      }
    }
  }
  return pending;
}
