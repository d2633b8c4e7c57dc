import type { LinkRecord } from '../core/audit/audit-state.js';
import { hashReason } from '../core/audit/hash-plan.js';
import { type AuditHash, type LinkObservation, nextLinkRecord } from '../core/audit/link-transition.js';

/** The requests one link needs: the cheap look, and the download when the hash is due. */
export interface LinkRequests {
  observe(link: string): Promise<LinkObservation>;
  hash(link: string): Promise<AuditHash>;
  now(): Date;
}

/** What this run does with one link. */
export interface LinkTask {
  link: string;
  /** The rolling budget reaches it this run: hash it although nothing says it changed. */
  rolling: boolean;
  /** False: only the cheap request, whatever the hash plan says. */
  hash: boolean;
}

/** One link audited: its new record, and what the run's totals and its host-name rule need. */
export interface LinkOutcome {
  record: LinkRecord;
  /** Bytes downloaded and hashed; absent when it was not hashed. */
  hashedBytes?: number;
  /** The host name did not resolve: dead only if the network answered other links. */
  unresolved: boolean;
  /** The network answered (alive, or a final answer that the file is gone). */
  answered: boolean;
  /** The host asked to be left alone this long before the link is asked again. */
  retryAfterMs?: number;
}

/**
 * Where the requests to one host take their turn: at most `bounds.atOnce` at once, a slot a
 * `bounds.perSecond` apart, and none while the host is paused. In one process, or across every
 * process that shares the Redis.
 */
export interface HostGate {
  hold<T>(host: string, bounds: HostBounds, work: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** No request to `host` starts for `ms` (the longest pause asked for wins). */
  pause(host: string, ms: number): Promise<void>;
}

/** How much one host is asked of: links at once, and links a second (none when absent or 0). */
export interface HostBounds {
  atOnce: number;
  perSecond?: number;
}

/** A host's rate as slots this far apart (2 % to spare for timers and clocks); 0 without a rate. */
export function slotSpacingMs(bounds: HostBounds): number {
  return bounds.perSecond ? Math.ceil((1000 / bounds.perSecond) * 1.02) : 0;
}

/** A throttled link is asked this many times in all, the host paused as it asked between them. */
export const THROTTLED_TRIES = 3;
/** The longest a host is left alone at once, whatever its Retry-After says. */
export const LONGEST_HOST_PAUSE_MS = 10 * 60_000;

/**
 * Audits one link the same way wherever it runs (in the auditing process, or on a worker that took
 * it from the queue): a cheap request, then a download and hash only when the plan asks for one.
 */
export async function auditLink(
  task: LinkTask,
  previous: LinkRecord | undefined,
  requests: LinkRequests,
  run: string,
): Promise<LinkOutcome> {
  const { link } = task;
  let observation = await requests.observe(link);
  let hashedBytes: number | undefined;
  if (observation.ok && task.hash && hashReason(previous, observation.validators, task.rolling)) {
    const digest = await requests.hash(link);
    if (digest.ok) {
      observation = { ...observation, sha256: digest.sha256 };
      hashedBytes = digest.bytes;
    } else if (!digest.tooLarge)
      observation = {
        ok: false,
        final: digest.final,
        reason: digest.reason,
        ...(digest.unresolved ? { unresolved: true } : {}),
      };
  }
  const unresolved = !observation.ok && observation.unresolved === true;
  const retryAfterMs = observation.ok ? undefined : observation.retryAfterMs;
  return {
    record: nextLinkRecord(previous, observation, requests.now(), run),
    ...(hashedBytes === undefined ? {} : { hashedBytes }),
    unresolved,
    answered: !unresolved && (observation.ok || observation.final),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  };
}

/**
 * Audits one link in its host's turn; a host that answers 429 or 503 is left alone as long as it
 * asks (every request to it waits, in every process), and the link is asked again after, up to
 * THROTTLED_TRIES times. A stop during the wait ends it with what the host last answered.
 */
export async function auditLinkInTurn(
  task: LinkTask,
  previous: LinkRecord | undefined,
  requests: LinkRequests,
  run: string,
  turn: { gate: HostGate; bounds: HostBounds; signal?: AbortSignal },
): Promise<LinkOutcome> {
  const host = hostOf(task.link);
  for (let tries = 1; ; tries++) {
    const outcome = await turn.gate.hold(
      host,
      turn.bounds,
      () => auditLink(task, previous, requests, run),
      turn.signal,
    );
    if (outcome.retryAfterMs === undefined || tries >= THROTTLED_TRIES || turn.signal?.aborted)
      return outcome;
    await turn.gate.pause(host, Math.min(outcome.retryAfterMs, LONGEST_HOST_PAUSE_MS));
  }
}

export function hostOf(link: string): string {
  try {
    return new URL(link).host.toLowerCase();
  } catch {
    return '';
  }
}
