import type { PendingReviewOptions } from '../../review/pending-review.js';
import type { ReviewRequest } from '../../review/review-request.js';
import type { GiteeApi } from './gitee-api.js';
import type { GiteeLabels } from './gitee-reporter.js';

interface GiteePull {
  number?: number;
  updated_at?: string;
  head?: { sha?: string };
  labels?: Array<{ name?: string }>;
}

/**
 * The reviews a stopped server left unfinished on Gitee or GitCode (whose API v5 is Gitee's, pull
 * requests and labels alike), which have no check runs: open pull requests still labelled pending,
 * or with none of the bot's labels though they changed recently.
 */
export async function findPendingGiteeReviews(
  api: GiteeApi,
  repositories: ReadonlyArray<{ owner: string; repo: string }>,
  labels: GiteeLabels,
  options: PendingReviewOptions,
  platform: 'gitee' | 'gitcode' = 'gitee',
): Promise<ReviewRequest[]> {
  const ours = new Set(Object.values(labels));
  const pending: ReviewRequest[] = [];
  for (const { owner, repo } of repositories) {
    try {
      const pulls = await api.list<GiteePull>(
        `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/pulls`,
        { state: 'open', sort: 'updated', direction: 'desc' },
        options.maxPullsPerRepository,
      );
      for (const pull of pulls) {
        const headSha = pull.head?.sha;
        if (!Number.isSafeInteger(pull.number) || !headSha || !/^[0-9a-f]{7,64}$/i.test(headSha)) continue;
        const names = (pull.labels ?? []).map((label) => label.name ?? '');
        const unfinished = names.includes(labels.pending);
        const unseen =
          !names.some((name) => ours.has(name)) &&
          options.now() - Date.parse(pull.updated_at ?? '') < options.recentMs;
        if (!unfinished && !unseen) continue;
        pending.push({
          platform,
          owner,
          repo,
          pullNumber: pull.number as number,
          headSha,
          deliveryId: `recovery:${platform}:${owner}/${repo}#${pull.number}@${headSha}`,
          trigger: 'startup.recovery',
        });
      }
    } catch (error) {
      options.onError(error, `${owner}/${repo}`);
    }
  }
  return pending;
}
