import type { PlatformName } from '../core/platform-name.js';

export type { PlatformName };

/** A request to review one pull request, as the webhook handlers normalise it; serialisable for queues. */
export interface ReviewRequest {
  platform: PlatformName;
  owner: string;
  repo: string;
  /** Unknown for a re-run requested on a fork's check run; the job finds it by head commit. */
  pullNumber?: number;
  /** Unknown for a `/recheck` comment; the job reads the pull request's current head. */
  headSha?: string;
  /** GitHub App installation that may act on the repository. */
  installationId?: number;
  /** The webhook delivery that asked for it, for logs. */
  deliveryId: string;
  /** What asked for it: `pull_request.synchronize`, `issue_comment.created`, ... */
  trigger: string;
}

/** One pull request: a newer head commit supersedes older jobs with the same key. */
export function pullKey(
  request: Pick<ReviewRequest, 'platform' | 'owner' | 'repo' | 'pullNumber' | 'headSha'>,
): string {
  const pull = request.pullNumber === undefined ? `@${request.headSha ?? '?'}` : `#${request.pullNumber}`;
  return `${request.platform}:${request.owner}/${request.repo}${pull}`.toLowerCase();
}

/** One review of one head commit: the idempotency key, `platform:owner/repo#pr@sha`. */
export function reviewJobKey(request: ReviewRequest): string {
  return `${pullKey(request)}@${request.headSha ?? '?'}`;
}
