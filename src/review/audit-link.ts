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
}

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
  const rolling = task.rolling ? new Set([link]) : new Set<string>();
  if (observation.ok && task.hash && hashReason(previous, observation.validators, rolling, link)) {
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
  return {
    record: nextLinkRecord(previous, observation, requests.now(), run),
    ...(hashedBytes === undefined ? {} : { hashedBytes }),
    unresolved,
    answered: !unresolved && (observation.ok || observation.final),
  };
}
