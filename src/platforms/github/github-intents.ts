import { CHECK_NAME } from '../../core/report/check-run-output.js';
import type { ReviewRequest } from '../../review/review-request.js';
import {
  IGNORE,
  type PullTarget,
  RECHECK_COMMAND,
  type WebhookDecision,
  type WebhookIntent,
} from '../../review/webhook-intent.js';

/** The fields of GitHub webhook payloads the bot reads (shapes as in @octokit/webhooks-examples). */
export interface GitHubPayload {
  action?: string;
  installation?: { id?: number };
  repository?: { id?: number; name?: string; owner?: { login?: string }; default_branch?: string };
  pull_request?: {
    number?: number;
    merged?: boolean;
    merge_commit_sha?: string | null;
    head?: { sha?: string };
    base?: { ref?: string; repo?: { id?: number } };
  };
  check_run?: { name?: string; head_sha?: string; pull_requests?: Array<{ number?: number }> };
  check_suite?: { head_sha?: string; pull_requests?: Array<{ number?: number }> };
  issue?: { number?: number; pull_request?: unknown };
  comment?: { body?: string; user?: { type?: string } | null };
  ref?: string;
  after?: string;
  deleted?: boolean;
}

const REVIEW_ACTIONS = new Set(['opened', 'reopened', 'synchronize', 'ready_for_review']);

/**
 * What a GitHub event (`X-GitHub-Event`, the payload's `action`) asks for. Pure, like
 * `giteeIntents`. Events the app does not subscribe to, and actions it does not act on, ask nothing.
 */
export function githubIntents(event: string, payload: GitHubPayload, deliveryId: string): WebhookDecision {
  const owner = payload.repository?.owner?.login;
  const repo = payload.repository?.name;
  if (!owner || !repo) return { ok: false, problem: 'bad-payload' };
  const trigger = `${event}.${payload.action ?? ''}`;
  const installation =
    payload.installation?.id === undefined ? {} : { installationId: payload.installation.id };
  const base = { platform: 'github' as const, owner, repo, deliveryId, trigger, ...installation };
  const review = (request: Omit<ReviewRequest, keyof typeof base>, force: boolean): WebhookIntent => ({
    kind: 'review',
    request: { ...base, ...request },
    force,
  });
  const sync = (commit: string): WebhookIntent => ({ kind: 'sync', request: { ...base, commit } });

  switch (event) {
    case 'pull_request': {
      const pull = payload.pull_request;
      if (!pull || !Number.isSafeInteger(pull.number)) return { ok: false, problem: 'bad-payload' };
      const pullNumber = pull.number as number;
      if (payload.action === 'closed') {
        const target: PullTarget = { platform: 'github', owner, repo, pullNumber };
        const intents: WebhookIntent[] = [{ kind: 'cancel', target }];
        // Only the default branch of the hub repository itself: never a fork, never another branch.
        if (
          pull.merged &&
          pull.merge_commit_sha &&
          pull.base?.ref === payload.repository?.default_branch &&
          pull.base?.repo?.id === payload.repository?.id
        )
          intents.push(sync(pull.merge_commit_sha));
        return { ok: true, intents };
      }
      if (!REVIEW_ACTIONS.has(payload.action ?? '') || !pull.head?.sha) return IGNORE;
      return { ok: true, intents: [review({ pullNumber, headSha: pull.head.sha }, false)] };
    }
    case 'push': {
      const { ref, after, deleted } = payload;
      if (deleted || !after || ref !== `refs/heads/${payload.repository?.default_branch}`) return IGNORE;
      return { ok: true, intents: [sync(after)] };
    }
    // A re-run names its pull request, except for a fork's branch: the job then finds it by head commit.
    case 'check_run': {
      const run = payload.check_run;
      if (payload.action !== 'rerequested' || run?.name !== CHECK_NAME || !run.head_sha) return IGNORE;
      return { ok: true, intents: [review(rerun(run.head_sha, run.pull_requests), true)] };
    }
    case 'check_suite': {
      const suite = payload.check_suite;
      if (payload.action !== 'rerequested' || !suite?.head_sha) return IGNORE;
      return { ok: true, intents: [review(rerun(suite.head_sha, suite.pull_requests), true)] };
    }
    case 'issue_comment': {
      const { issue, comment } = payload;
      if (
        payload.action !== 'created' ||
        !issue?.pull_request ||
        !Number.isSafeInteger(issue.number) ||
        comment?.user?.type === 'Bot' ||
        !RECHECK_COMMAND.test(comment?.body ?? '')
      )
        return IGNORE;
      return { ok: true, intents: [review({ pullNumber: issue.number as number }, true)] };
    }
    default:
      return IGNORE;
  }
}

function rerun(headSha: string, pulls: ReadonlyArray<{ number?: number }> | undefined) {
  const pull = pulls?.[0]?.number;
  return pull === undefined ? { headSha } : { headSha, pullNumber: pull };
}
