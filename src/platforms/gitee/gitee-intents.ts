import {
  COMMIT_SHA,
  IGNORE,
  lowerCased,
  type PullTarget,
  RECHECK_COMMAND,
  type WebhookDecision,
} from '../../review/webhook-intent.js';

/** The fields of a Gitee webhook payload the bot reads (go-gitee `PullRequestEvent`, `NoteEvent`, `PushEvent`). */
export interface GiteePayload {
  action?: string;
  action_desc?: string;
  noteable_type?: string;
  comment?: { body?: string };
  pull_request?: {
    number?: number;
    merge_commit_sha?: string | null;
    head?: { sha?: string };
    base?: { ref?: string; repo?: { path_with_namespace?: string; default_branch?: string } };
  };
  repository?: { path_with_namespace?: string; default_branch?: string };
  ref?: string;
  after?: string;
}

const REVIEW_ACTIONS = new Set(['open', 'reopen']);
const IGNORED_EVENTS = new Set(['Tag Push Hook', 'Issue Hook']);

/**
 * What a Gitee event (`X-Gitee-Event`) asks for. Pure: the same payload always gives the same
 * intents, so the three platforms' translations are tested side by side.
 */
export function giteeIntents(event: string, payload: GiteePayload, deliveryId: string): WebhookDecision {
  if (event === 'Push Hook') {
    const repository = payload.repository;
    const [owner, repo] = (repository?.path_with_namespace ?? '').split('/');
    if (!owner || !repo || payload.ref !== `refs/heads/${repository?.default_branch}` || !payload.after)
      return IGNORE;
    const request = {
      platform: 'gitee' as const,
      owner,
      repo,
      commit: payload.after,
      deliveryId,
      trigger: 'push',
    };
    return { ok: true, intents: [{ kind: 'sync', request }] };
  }
  if (IGNORED_EVENTS.has(event)) return IGNORE;
  if (event !== 'Merge Request Hook' && event !== 'Note Hook') return { ok: false, problem: 'unknown-event' };
  const target = targetOf(payload);
  if (event === 'Note Hook') {
    // Only a new comment is a command: an edited or deleted `/recheck` is not asked again.
    if (
      lowerCased(payload.action) !== 'comment' ||
      payload.noteable_type !== 'PullRequest' ||
      !RECHECK_COMMAND.test(payload.comment?.body ?? '')
    )
      return IGNORE;
    if (!target) return { ok: false, problem: 'bad-payload' };
    return {
      ok: true,
      intents: [{ kind: 'review', request: { ...target, deliveryId, trigger: 'note.recheck' }, force: true }],
    };
  }
  if (!target) return { ok: false, problem: 'bad-payload' };
  // Compared in lower case: Gitee's captured payloads are, but its documents show some in capitals.
  const action = lowerCased(payload.action);
  const detail = lowerCased(payload.action_desc);
  if (action === 'close') return { ok: true, intents: [{ kind: 'cancel', target }] };
  if (action === 'merge') {
    const pull = payload.pull_request;
    const commit = pull?.merge_commit_sha;
    // Only merges into the hub repository's default branch publish the site.
    if (!commit || pull?.base?.ref !== pull?.base?.repo?.default_branch)
      return { ok: true, intents: [{ kind: 'cancel', target }] };
    const { platform, owner, repo } = target;
    return {
      ok: true,
      intents: [
        { kind: 'cancel', target },
        {
          kind: 'sync',
          request: { platform, owner, repo, commit, deliveryId, trigger: 'merge_request.merge' },
        },
      ],
    };
  }
  const review =
    REVIEW_ACTIONS.has(action ?? '') ||
    (action === 'update' && (detail === 'source_branch_changed' || detail === 'target_branch_changed'));
  if (!review) return IGNORE;
  const headSha = payload.pull_request?.head?.sha;
  if (!headSha || !COMMIT_SHA.test(headSha)) return { ok: false, problem: 'bad-payload' };
  return {
    ok: true,
    intents: [
      {
        kind: 'review',
        request: { ...target, headSha, deliveryId, trigger: `merge_request.${action}` },
        force: false,
      },
    ],
  };
}

function targetOf(payload: GiteePayload): PullTarget | undefined {
  const fullName =
    payload.pull_request?.base?.repo?.path_with_namespace ?? payload.repository?.path_with_namespace;
  const number = payload.pull_request?.number;
  const [owner, repo, extra] = (fullName ?? '').split('/');
  if (!owner || !repo || extra !== undefined || !Number.isSafeInteger(number) || (number ?? 0) <= 0)
    return undefined;
  return { platform: 'gitee', owner, repo, pullNumber: number as number };
}
