import {
  COMMIT_SHA,
  IGNORE,
  lowerCased,
  type PullTarget,
  RECHECK_COMMAND,
  type WebhookDecision,
  type WebhookIntent,
} from '../../review/webhook-intent.js';

interface GitCodeProject {
  path_with_namespace?: string;
  default_branch?: string;
}

/**
 * The fields of a GitCode webhook payload the bot reads. GitCode's webhooks are GitLab-shaped
 * (go-gitcode `PullRequestEvent`, `NoteEvent`, `PushEvent`; test/fixtures/gitcode).
 */
export interface GitCodePayload {
  object_kind?: string;
  project?: GitCodeProject;
  object_attributes?: {
    iid?: number;
    action?: string;
    state?: string;
    oldrev?: string | null;
    /**
     * What an update changed (go-gitcode `Attributes.ActionDetail`); empty in go-gitcode's captured
     * opening. Read with Gitee's `action_desc` vocabulary, whose API GitCode's follows.
     */
    update_reason?: string | null;
    target_branch?: string;
    merge_commit_sha?: string | null;
    last_commit?: { id?: string };
    target?: GitCodeProject;
    /** A note's text and what it is on. */
    note?: string;
    noteable_type?: string;
    system?: boolean;
  };
  /** What an update changed, GitLab's way: `{ current, previous }`; `previous` is null for what it set. */
  changes?: { target_branch?: { previous?: string | null } };
  merge_request?: { iid?: number; target?: GitCodeProject };
  ref?: string;
  after?: string;
}

const ZERO_SHA = /^0+$/;
/** The `update_reason`s of an update that changes what the review reads. */
const CODE_CHANGES = new Set(['source_branch_changed', 'target_branch_changed']);
const IGNORED_EVENTS = new Set(['Tag Push Hook', 'Issue Hook']);

/** What a GitCode event (`X-GitCode-Event`, the same names as Gitee's) asks for. Pure. */
export function gitcodeIntents(event: string, payload: GitCodePayload, deliveryId: string): WebhookDecision {
  if (event === 'Push Hook') {
    const [owner, repo] = (payload.project?.path_with_namespace ?? '').split('/');
    const after = payload.after ?? '';
    if (
      !owner ||
      !repo ||
      payload.ref !== `refs/heads/${payload.project?.default_branch}` ||
      !COMMIT_SHA.test(after) ||
      ZERO_SHA.test(after)
    )
      return IGNORE;
    return {
      ok: true,
      intents: [
        {
          kind: 'sync',
          request: { platform: 'gitcode', owner, repo, commit: after, deliveryId, trigger: 'push' },
        },
      ],
    };
  }
  if (IGNORED_EVENTS.has(event)) return IGNORE;
  const attributes = payload.object_attributes;
  if (event === 'Note Hook') {
    // A note event is sent when a comment is made; a system note (a push, a label) is no command.
    if (
      attributes?.noteable_type !== 'MergeRequest' ||
      attributes.system === true ||
      !RECHECK_COMMAND.test(attributes.note ?? '')
    )
      return IGNORE;
    const target = targetOf(payload.merge_request?.target ?? payload.project, payload.merge_request?.iid);
    if (!target) return { ok: false, problem: 'bad-payload' };
    return {
      ok: true,
      intents: [{ kind: 'review', request: { ...target, deliveryId, trigger: 'note.recheck' }, force: true }],
    };
  }
  if (event !== 'Merge Request Hook') return { ok: false, problem: 'unknown-event' };
  const target = targetOf(attributes?.target ?? payload.project, attributes?.iid);
  if (!target || !attributes) return { ok: false, problem: 'bad-payload' };
  // Platforms differ in the case of their actions; GitLab's and go-gitcode's are lower case.
  const action = lowerCased(attributes.action);
  if (action === 'close') return { ok: true, intents: [{ kind: 'cancel', target }] };
  if (action === 'merge') {
    const intents: WebhookIntent[] = [{ kind: 'cancel', target }];
    const commit = attributes.merge_commit_sha;
    const defaultBranch = (attributes.target ?? payload.project)?.default_branch;
    // Only merges into the hub repository's default branch publish the site.
    if (commit && COMMIT_SHA.test(commit) && attributes.target_branch === defaultBranch) {
      const { platform, owner, repo } = target;
      intents.push({
        kind: 'sync',
        request: { platform, owner, repo, commit, deliveryId, trigger: 'merge_request.merge' },
      });
    }
    return { ok: true, intents };
  }
  // An update reviews again when it brought new commits (GitLab's `oldrev`, or an `update_reason`
  // that says the source branch changed) or moved the target branch; a title or a label does not.
  const reason = lowerCased(attributes.update_reason) ?? '';
  const review =
    action === 'open' ||
    action === 'reopen' ||
    (action === 'update' &&
      (Boolean(attributes.oldrev) ||
        CODE_CHANGES.has(reason) ||
        Boolean(payload.changes?.target_branch?.previous)));
  if (!review) return IGNORE;
  const headSha = attributes.last_commit?.id;
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

function targetOf(project: GitCodeProject | undefined, number: number | undefined): PullTarget | undefined {
  const [owner, repo, extra] = (project?.path_with_namespace ?? '').split('/');
  if (!owner || !repo || extra !== undefined || !Number.isSafeInteger(number) || (number ?? 0) <= 0)
    return undefined;
  return { platform: 'gitcode', owner, repo, pullNumber: number as number };
}
