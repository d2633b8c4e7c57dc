import type { ApplicationFunction, Context, Probot } from 'probot';
import type { ReviewRequest } from '../../review/review-request.js';
import type { ReviewService } from '../../service/review-service.js';
import type { SiteSyncService } from '../../service/site-sync-service.js';
import { CHECK_NAME } from './github-reporter.js';

const RECHECK_COMMAND = /^\s*\/(recheck|retest)\b/i;

/**
 * The GitHub App: each handler only reads the event, normalises it to a ReviewRequest and enqueues
 * it, so the webhook is answered in milliseconds; the review runs in the service's queue.
 */
export function createGitHubApp(service: ReviewService, siteSync?: SiteSyncService): ApplicationFunction {
  return (app: Probot) => {
    service.useGitHub((installationId) => app.auth(installationId));
    siteSync?.useGitHub((installationId) => app.auth(installationId));

    const sync = async (context: Context, commit: string) => {
      const { owner, repo } = context.repo();
      const trigger = `${context.name}.${(context.payload as { action?: string }).action ?? ''}`;
      const outcome = await siteSync?.request({
        platform: 'github',
        owner,
        repo,
        commit,
        deliveryId: context.id,
        trigger,
        ...installationOf(context.payload),
      });
      context.log.info({ deliveryId: context.id, trigger, outcome }, 'site sync request');
    };

    // Only the default branch of the hub repository itself: never a fork, never another branch.
    app.on('pull_request.closed', async (context) => {
      const { pull_request: pull, repository } = context.payload;
      const { owner, repo } = context.repo();
      await service.queue.cancel({ platform: 'github', owner, repo, pullNumber: pull.number });
      if (
        pull.merged &&
        pull.merge_commit_sha &&
        pull.base.ref === repository.default_branch &&
        pull.base.repo.id === repository.id
      ) {
        await sync(context, pull.merge_commit_sha);
      }
    });

    app.on('push', async (context) => {
      const { ref, after, deleted, repository } = context.payload;
      if (!deleted && ref === `refs/heads/${repository.default_branch}`) await sync(context, after);
    });

    // Awaited, so that a queue that cannot take the job makes the delivery fail (and show as failed on GitHub).
    const enqueue = async (
      context: Context,
      request: Omit<ReviewRequest, 'platform' | 'deliveryId' | 'trigger' | 'owner' | 'repo'>,
      force = false,
    ) => {
      const { owner, repo } = context.repo();
      const trigger = `${context.name}.${(context.payload as { action?: string }).action ?? ''}`;
      const outcome = await service.queue.enqueue(
        { platform: 'github', owner, repo, deliveryId: context.id, trigger, ...request },
        { force },
      );
      context.log.info({ deliveryId: context.id, trigger, outcome }, 'review request');
    };

    app.on(
      [
        'pull_request.opened',
        'pull_request.reopened',
        'pull_request.synchronize',
        'pull_request.ready_for_review',
      ],
      async (context) => {
        const { pull_request: pull } = context.payload;
        await enqueue(context, {
          pullNumber: pull.number,
          headSha: pull.head.sha,
          ...installationOf(context.payload),
        });
      },
    );

    // A re-run names its pull request, except for a fork's branch: the job then finds it by head commit.
    const rerun = async (context: Context, headSha: string, pulls: ReadonlyArray<{ number: number }>) => {
      const pull = pulls[0];
      await enqueue(
        context,
        { headSha, ...(pull ? { pullNumber: pull.number } : {}), ...installationOf(context.payload) },
        true,
      );
    };

    app.on('check_run.rerequested', async (context) => {
      const { check_run: run } = context.payload;
      if (run.name === CHECK_NAME) await rerun(context, run.head_sha, run.pull_requests);
    });

    app.on('check_suite.rerequested', async (context) => {
      const { check_suite: suite } = context.payload;
      await rerun(context, suite.head_sha, suite.pull_requests);
    });

    app.on('issue_comment.created', async (context) => {
      const { issue, comment } = context.payload;
      if (!issue.pull_request || comment.user?.type === 'Bot' || !RECHECK_COMMAND.test(comment.body ?? ''))
        return;
      await enqueue(context, { pullNumber: issue.number, ...installationOf(context.payload) }, true);
    });
  };
}

function installationOf(payload: object): { installationId?: number } {
  const installation = (payload as { installation?: { id?: number } }).installation;
  return installation?.id === undefined ? {} : { installationId: installation.id };
}
