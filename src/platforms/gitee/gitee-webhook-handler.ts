import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { ReviewRequest } from '../../review/review-request.js';
import type { ReviewService } from '../../service/review-service.js';
import type { SiteSyncService } from '../../service/site-sync-service.js';
import { type GiteeAuthSettings, ReplayGuard, verifyGiteeRequest } from './gitee-webhook-auth.js';

export const GITEE_WEBHOOK_PATH = '/api/gitee/webhooks';
const RECHECK_COMMAND = /^\s*\/(recheck|retest)\b/i;
const REVIEW_ACTIONS = new Set(['open', 'reopen']);

export interface GiteeWebhookOptions {
  service: ReviewService;
  siteSync?: SiteSyncService;
  auth: GiteeAuthSettings;
  maxBodyBytes: number;
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

type Reply = { status: number; body: Record<string, unknown> };

/**
 * `POST /api/gitee/webhooks`: authenticates before reading the body (a wrong token gets 401 and only
 * the body's size is logged), refuses replays, oversized and non-JSON bodies, then maps Gitee's
 * events to review requests. Like the GitHub handlers it only enqueues.
 */
export function createGiteeWebhookHandler(options: GiteeWebhookOptions) {
  const replays = new ReplayGuard(options.auth.windowMs);
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    if (request.url?.split('?')[0] !== GITEE_WEBHOOK_PATH) return false;
    const reply = await handle(request, options, replays).catch(
      (): Reply => ({ status: 400, body: { error: 'the request could not be read' } }),
    );
    response.writeHead(reply.status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(reply.body));
    return true;
  };
}

async function handle(
  request: IncomingMessage,
  options: GiteeWebhookOptions,
  replays: ReplayGuard,
): Promise<Reply> {
  if (request.method !== 'POST') return { status: 405, body: { error: 'use POST' } };
  const size = Number(request.headers['content-length'] ?? 0);
  const auth = verifyGiteeRequest(
    { token: header(request, 'x-gitee-token'), timestamp: header(request, 'x-gitee-timestamp') },
    options.auth,
  );
  if (!auth.ok) {
    request.resume();
    options.log?.warn({ reason: auth.reason, bytes: size }, 'Gitee webhook refused');
    return {
      status: 401,
      body: { error: auth.reason === 'stale timestamp' ? 'stale timestamp' : 'unauthorized' },
    };
  }
  if (size > options.maxBodyBytes) {
    request.resume();
    return { status: 413, body: { error: `the body is larger than ${options.maxBodyBytes} bytes` } };
  }
  const text = await readBody(request, options.maxBodyBytes);
  if (text === undefined)
    return { status: 413, body: { error: `the body is larger than ${options.maxBodyBytes} bytes` } };
  let payload: GiteePayload;
  try {
    payload = JSON.parse(text) as GiteePayload;
  } catch {
    return { status: 400, body: { error: 'the body is not JSON' } };
  }
  if (payload === null || typeof payload !== 'object')
    return { status: 400, body: { error: 'the body is not a JSON object' } };
  if (!replays.firstUse(auth.replayKey)) return { status: 200, body: { outcome: 'duplicate' } };

  const event = header(request, 'x-gitee-event') ?? '';
  const deliveryId = `gitee:${createHash('sha256').update(auth.replayKey).digest('hex').slice(0, 16)}`;
  let outcome: string;
  try {
    outcome = await route(event, payload, deliveryId, options);
  } catch (error) {
    options.log?.error({ err: error, deliveryId, event }, 'Gitee webhook could not be queued');
    return {
      status: 503,
      body: { error: 'the review queue is not available; redeliver this webhook later' },
    };
  }
  if (outcome === 'unknown-event')
    return { status: 400, body: { error: `the event ${JSON.stringify(event.slice(0, 60))} is not handled` } };
  if (outcome === 'bad-payload')
    return { status: 422, body: { error: 'the payload does not name a pull request and repository' } };
  options.log?.info({ deliveryId, event, action: payload.action, outcome }, 'Gitee webhook');
  return { status: 200, body: { outcome } };
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
    if (payload.noteable_type !== 'PullRequest' || !RECHECK_COMMAND.test(payload.comment?.body ?? ''))
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
    (action === 'update' && payload.action_desc === 'source_branch_changed');
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

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The body as text, or undefined once it passes the limit (a missing Content-Length cannot hide a huge body). */
async function readBody(request: IncomingMessage, limit: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > limit) {
      request.resume();
      return undefined;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
