import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import type { ReviewRequest } from '../../review/review-request.js';
import type { ReviewService } from '../../service/review-service.js';
import type { SiteSyncService } from '../../service/site-sync-service.js';
import type { ReplayGuard } from '../replay-guard.js';
import {
  type BodyBudget,
  headerOf,
  type RequestHandler,
  readCappedBody,
  type WebhookOutcome,
  webhookEndpoint,
} from '../webhook-http.js';
import { type GiteeAuthSettings, verifyGiteeRequest } from './gitee-webhook-auth.js';

export const GITEE_WEBHOOK_PATH = '/api/gitee/webhooks';
const RECHECK_COMMAND = /^\s*\/(recheck|retest)\b/i;
const REVIEW_ACTIONS = new Set(['open', 'reopen']);

export interface GiteeWebhookOptions {
  service: ReviewService;
  siteSync?: SiteSyncService;
  auth: GiteeAuthSettings;
  maxBodyBytes: number;
  /** Remembers accepted (timestamp, token) pairs; in Redis or on disk, so a restart does not forget them. */
  replays: ReplayGuard;
  budget: BodyBudget;
  log?: Pick<Logger, 'info' | 'warn' | 'error'>;
}

interface GiteePullRequest {
  number?: number;
  merge_commit_sha?: string | null;
  head?: { sha?: string };
  base?: { ref?: string; repo?: { path_with_namespace?: string; default_branch?: string } };
}

interface GiteePayload {
  action?: string;
  action_desc?: string;
  noteable_type?: string;
  comment?: { body?: string };
  pull_request?: GiteePullRequest;
  repository?: { path_with_namespace?: string; default_branch?: string };
  ref?: string;
  after?: string;
}

/**
 * `POST /api/gitee/webhooks`: authenticates before reading the body (a wrong token gets 401 and only
 * the body's size is logged), refuses replays, oversized and non-JSON bodies, then maps Gitee's
 * events to review requests. Like the GitHub handlers it only enqueues.
 */
export function createGiteeWebhookHandler(options: GiteeWebhookOptions): RequestHandler {
  return webhookEndpoint(GITEE_WEBHOOK_PATH, (request) => handle(request, options));
}

async function handle(request: IncomingMessage, options: GiteeWebhookOptions): Promise<WebhookOutcome> {
  if (request.method !== 'POST')
    return { reply: { status: 405, body: { error: 'use POST' } }, closeConnection: true };
  const size = Number(request.headers['content-length']) || undefined;
  const auth = verifyGiteeRequest(
    { token: headerOf(request, 'x-gitee-token'), timestamp: headerOf(request, 'x-gitee-timestamp') },
    options.auth,
  );
  if (!auth.ok) {
    options.log?.warn({ reason: auth.reason, bytes: size }, 'Gitee webhook refused');
    return {
      reply: {
        status: 401,
        body: { error: auth.reason === 'stale timestamp' ? 'stale timestamp' : 'unauthorized' },
      },
      closeConnection: true,
    };
  }
  const body = await readCappedBody(request, options.maxBodyBytes, options.budget);
  if (!body.ok) {
    options.log?.warn({ reason: body.reply.body.error, bytes: size }, 'Gitee webhook refused');
    return body;
  }
  let payload: GiteePayload;
  try {
    payload = JSON.parse(body.bytes.toString('utf8')) as GiteePayload;
  } catch {
    return { reply: { status: 400, body: { error: 'the body is not JSON' } } };
  }
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload))
    return { reply: { status: 400, body: { error: 'the body is not a JSON object' } } };
  const event = headerOf(request, 'x-gitee-event') ?? '';
  // Gitee signs only the timestamp and sends no delivery id: two events in one millisecond share a
  // signature, so a delivery is the signature, the event and the body. As the body is not signed, one
  // signature carries at most MAX_DELIVERIES_PER_SIGNATURE different deliveries.
  const bodyDigest = createHash('sha256').update(body.bytes).digest('hex');
  const deliveryKey = `${auth.replayKey}:${event.slice(0, 60)}:${bodyDigest}`;
  if (!(await options.replays.firstUse(deliveryKey)))
    return { reply: { status: 200, body: { outcome: 'duplicate' } } };
  if (!(await claimSignatureSlot(options.replays, auth.replayKey))) {
    options.log?.warn(
      { bytes: size },
      'Gitee webhook refused: its signature was already used for other bodies',
    );
    return {
      reply: { status: 409, body: { error: 'this signature was already used' } },
      closeConnection: true,
    };
  }
  const deliveryId = `gitee:${createHash('sha256').update(deliveryKey).digest('hex').slice(0, 16)}`;
  let outcome: string;
  try {
    outcome = await route(event, payload, deliveryId, options);
  } catch (error) {
    options.log?.error(
      { err: error, deliveryId, event: event.slice(0, 60) },
      'Gitee webhook could not be queued',
    );
    return {
      reply: {
        status: 503,
        body: { error: 'the review queue is not available; redeliver this webhook later' },
      },
    };
  }
  if (outcome === 'unknown-event')
    return {
      reply: {
        status: 400,
        body: { error: `the event ${JSON.stringify(event.slice(0, 60))} is not handled` },
      },
    };
  if (outcome === 'bad-payload')
    return {
      reply: { status: 422, body: { error: 'the payload does not name a pull request and repository' } },
    };
  options.log?.info(
    {
      deliveryId,
      event: event.slice(0, 60),
      action: typeof payload.action === 'string' ? payload.action.slice(0, 40) : undefined,
      outcome,
    },
    'Gitee webhook',
  );
  return { reply: { status: 200, body: { outcome } } };
}

/** Distinct deliveries Gitee may send under one signed timestamp (events of one action, same millisecond). */
const MAX_DELIVERIES_PER_SIGNATURE = 4;

async function claimSignatureSlot(replays: ReplayGuard, signature: string): Promise<boolean> {
  for (let slot = 1; slot <= MAX_DELIVERIES_PER_SIGNATURE; slot++)
    if (await replays.firstUse(`${signature}#${slot}`)) return true;
  return false;
}

async function route(
  event: string,
  payload: GiteePayload,
  deliveryId: string,
  options: GiteeWebhookOptions,
): Promise<string> {
  const { service, siteSync } = options;
  if (event === 'Push Hook') {
    const repository = payload.repository;
    const [owner, repo] = (repository?.path_with_namespace ?? '').split('/');
    if (
      !owner ||
      !repo ||
      !siteSync ||
      payload.ref !== `refs/heads/${repository?.default_branch}` ||
      !payload.after
    )
      return 'ignored';
    return siteSync.request({
      platform: 'gitee',
      owner,
      repo,
      commit: payload.after,
      deliveryId,
      trigger: 'push',
    });
  }
  if (event === 'Tag Push Hook' || event === 'Issue Hook') return 'ignored';
  if (event !== 'Merge Request Hook' && event !== 'Note Hook') return 'unknown-event';
  const target = targetOf(payload);
  if (event === 'Note Hook') {
    // Only a new comment is a command: an edited or deleted `/recheck` is not asked again.
    if (
      payload.action !== 'comment' ||
      payload.noteable_type !== 'PullRequest' ||
      !RECHECK_COMMAND.test(payload.comment?.body ?? '')
    )
      return 'ignored';
    if (!target) return 'bad-payload';
    return service.queue.enqueue({ ...target, deliveryId, trigger: 'note.recheck' }, { force: true });
  }
  if (!target) return 'bad-payload';
  const { action } = payload;
  if (action === 'close') {
    await service.queue.cancel(target);
    return 'cancelled';
  }
  if (action === 'merge') {
    const pull = payload.pull_request;
    const commit = pull?.merge_commit_sha;
    // Only merges into the hub repository's default branch publish the site.
    if (!siteSync || !commit || pull?.base?.ref !== pull?.base?.repo?.default_branch) return 'ignored';
    return siteSync.request({ ...target, commit, deliveryId, trigger: 'merge_request.merge' });
  }
  const review =
    REVIEW_ACTIONS.has(action ?? '') ||
    (action === 'update' &&
      (payload.action_desc === 'source_branch_changed' || payload.action_desc === 'target_branch_changed'));
  if (!review) return 'ignored';
  const headSha = payload.pull_request?.head?.sha;
  if (!headSha || !/^[0-9a-f]{7,64}$/i.test(headSha)) return 'bad-payload';
  return service.queue.enqueue({ ...target, headSha, deliveryId, trigger: `merge_request.${action}` });
}

function targetOf(
  payload: GiteePayload,
): Pick<ReviewRequest, 'platform' | 'owner' | 'repo' | 'pullNumber'> | undefined {
  const fullName =
    payload.pull_request?.base?.repo?.path_with_namespace ?? payload.repository?.path_with_namespace;
  const number = payload.pull_request?.number;
  const [owner, repo, extra] = (fullName ?? '').split('/');
  if (!owner || !repo || extra !== undefined || !Number.isSafeInteger(number) || (number ?? 0) <= 0)
    return undefined;
  return { platform: 'gitee', owner, repo, pullNumber: number as number };
}
