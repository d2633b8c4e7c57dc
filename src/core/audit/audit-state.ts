/** What a server said about a file without sending it: enough to see that it changed. */
export interface LinkValidators {
  etag?: string;
  lastModified?: string;
  contentLength?: number;
}

/** What the audits so far know about one `asset-link`. */
export interface LinkRecord {
  /** alive: it answered; dead: it answered that the file is gone (404, 410, no such host); unknown: no answer. */
  state: 'alive' | 'dead' | 'unknown';
  checkedAt: string;
  /** Why it is dead or unknown. */
  reason?: string;
  /** Where permanent redirects send it now. */
  movedTo?: string;
  validators?: LinkValidators;
  /** The digest of its bytes when last downloaded, and when that was. */
  sha256?: string;
  hashedAt?: string;
  /** The digest it had before its bytes last changed, and when the change was seen. */
  replaced?: { sha256: string; seenAt: string };
  lastAliveAt?: string;
  deadSince?: string;
  /** The audit that looked at it last: a resumed audit skips what it has already done. */
  run: string;
}

/** What the audits so far know about one `repo-link`. */
export interface RepoRecord {
  state: 'ok' | 'repo-gone' | 'conf-missing' | 'no-create-network' | 'unknown';
  checkedAt: string;
  reason?: string;
  lastOkAt?: string;
  run: string;
}

export interface AuditRun {
  id: string;
  startedAt: string;
  finishedAt?: string;
}

/**
 * The link records an audit keeps, by link: a `Map` in memory, or a store that keeps them off the
 * heap and reads one back when asked (a file), so that a hub's links cost the audit no memory each.
 */
export interface LinkRecords {
  get(link: string): LinkRecord | undefined;
  set(link: string, record: LinkRecord): unknown;
  /** Every link with a record, each once. */
  keys(): Iterable<string>;
  readonly size: number;
}

/** Everything an audit keeps for the next one, keyed by link (and by repository link). */
export interface AuditState {
  version: 1;
  run?: AuditRun;
  links: LinkRecords;
  repos: Record<string, RepoRecord>;
  /** The faults reported so far, each with when it was first said: a fault is said once, until it ends. */
  said: Record<string, string>;
}

export function emptyAuditState(): AuditState {
  return { version: 1, links: new Map(), repos: {}, said: {} };
}

/**
 * The run to work in: the unfinished one when an audit was stopped half-way (so it goes on where it
 * stopped), else a new one.
 */
export function startRun(state: AuditState, now: Date): AuditRun {
  if (state.run && state.run.finishedAt === undefined) return state.run;
  return { id: now.toISOString(), startedAt: now.toISOString() };
}
