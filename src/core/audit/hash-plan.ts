import type { AuditState, LinkRecord, LinkValidators } from './audit-state.js';
import { sameValidators } from './link-transition.js';

export interface HashPolicy {
  /** Bytes a run may download to re-hash links whose validators did not change (the rolling budget). */
  rollingBytes: number;
  /** A digest older than this is due again, as far as the rolling budget reaches. */
  rehashAfterMs: number;
}

/**
 * The links to re-hash this run although nothing says they changed: the longest unhashed first, as
 * far as the budget reaches, so that every asset is hashed again within a period.
 */
export function rollingHashes(
  state: AuditState,
  links: Iterable<string>,
  now: Date,
  policy: HashPolicy,
): Set<string> {
  const due: Array<[string, LinkRecord]> = [];
  for (const link of links) {
    const record = state.links.get(link);
    if (record?.hashedAt === undefined) continue;
    if (now.getTime() - Date.parse(record.hashedAt) >= policy.rehashAfterMs) due.push([link, record]);
  }
  due.sort(([, a], [, b]) => Date.parse(a.hashedAt as string) - Date.parse(b.hashedAt as string));
  const chosen = new Set<string>();
  let budget = policy.rollingBytes;
  for (const [link, record] of due) {
    const size = record.validators?.contentLength ?? 0;
    if (size > budget) continue;
    budget -= size;
    chosen.add(link);
  }
  return chosen;
}

/** Why this link is downloaded and hashed now, or undefined when the cheap answer is enough. */
export function hashReason(
  previous: LinkRecord | undefined,
  current: LinkValidators,
  /** The rolling budget reaches this link this run (`rollingHashes` chose it). */
  rolling: boolean,
): 'never-hashed' | 'changed' | 'rolling' | undefined {
  if (previous?.sha256 === undefined) return 'never-hashed';
  if (!sameValidators(previous.validators, current)) return 'changed';
  return rolling ? 'rolling' : undefined;
}
