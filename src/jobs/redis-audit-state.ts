import type { Redis } from 'ioredis';
import { type AuditState, emptyAuditState, type LinkRecord } from '../core/audit/audit-state.js';

/** Where a hub's audit lives in Redis: read by the auditing process and written by every link worker. */
export function auditKeys(prefix: string, hub: string) {
  const base = `${prefix}:audit:${hub.toLowerCase()}`;
  return {
    links: `${base}:links`,
    meta: `${base}:meta`,
    lock: `${base}:lock`,
    /** What the workers found in one run: the links done, those whose host did not resolve, the totals. */
    run: (id: string) => ({
      done: `${base}:run:${id}:done`,
      unresolved: `${base}:run:${id}:unresolved`,
      counts: `${base}:run:${id}:counts`,
    }),
  };
}

/**
 * A hub's audit state in Redis, so that whichever process audits the hub next (another `serve`
 * replica after this one died) goes on from it: the link records in one hash, written as they
 * change, the rest (run, repositories, faults said) in one value.
 */
export class RedisAuditState {
  private readonly linksKey: string;
  private readonly metaKey: string;
  /** The record object last written for each link: records are replaced, never edited, when they change. */
  private readonly written = new Map<string, LinkRecord>();
  private lastWrite = 0;
  private writtenMeta = '';

  constructor(
    private readonly redis: Redis,
    prefix: string,
    hub: string,
    /** Each link's record is written as it is done: a hash field costs little, and a process that dies loses none. */
    private readonly intervalMs = 0,
    private readonly clock: () => number = Date.now,
  ) {
    const keys = auditKeys(prefix, hub);
    this.linksKey = keys.links;
    this.metaKey = keys.meta;
  }

  /** Records the link workers wrote into the hash themselves. */
  adopt(records: Record<string, LinkRecord>): void {
    for (const [link, record] of Object.entries(records)) this.written.set(link, record);
  }

  async load(): Promise<AuditState> {
    const [links, meta] = await Promise.all([
      this.redis.hgetall(this.linksKey),
      this.redis.get(this.metaKey),
    ]);
    const state = { ...emptyAuditState(), ...(meta ? (JSON.parse(meta) as Partial<AuditState>) : {}) };
    state.links = new Map();
    for (const [link, text] of Object.entries(links)) {
      const record = JSON.parse(text) as LinkRecord;
      state.links.set(link, record);
      this.written.set(link, record);
    }
    return state;
  }

  /** Writes what changed, at most once an interval; `flush` writes it at once. */
  async save(state: AuditState): Promise<void> {
    if (this.clock() - this.lastWrite < this.intervalMs) return;
    await this.flush(state);
  }

  async flush(state: AuditState): Promise<void> {
    this.lastWrite = this.clock();
    const changed: string[] = [];
    for (const link of state.links.keys()) {
      const record = state.links.get(link);
      if (record === undefined || this.written.get(link) === record) continue;
      changed.push(link, JSON.stringify(record));
      this.written.set(link, record);
    }
    const { links: _, ...rest } = state;
    const meta = JSON.stringify(rest);
    if (changed.length === 0 && meta === this.writtenMeta) return;
    const write = this.redis.multi();
    if (meta !== this.writtenMeta) write.set(this.metaKey, meta);
    if (changed.length > 0) write.hset(this.linksKey, ...changed);
    await write.exec();
    this.writtenMeta = meta;
  }
}

const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end return 0`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`;

/**
 * One process audits a hub at a time. The lock lasts `ttlMs` and is renewed while the audit runs,
 * so a process that dies mid-audit lets another take the hub over (and go on from the state in
 * Redis) within `ttlMs`.
 */
export class RedisAuditLock {
  private readonly key: string;
  private renewal: NodeJS.Timeout | undefined;

  constructor(
    private readonly redis: Redis,
    prefix: string,
    hub: string,
    private readonly owner: string,
    private readonly ttlMs = 60_000,
  ) {
    this.key = auditKeys(prefix, hub).lock;
  }

  async acquire(): Promise<boolean> {
    const taken = (await this.redis.set(this.key, this.owner, 'PX', this.ttlMs, 'NX')) === 'OK';
    if (taken) {
      this.renewal = setInterval(
        () => void this.redis.eval(RENEW, 1, this.key, this.owner, this.ttlMs).catch(() => undefined),
        Math.max(10, Math.floor(this.ttlMs / 3)),
      );
      this.renewal.unref();
    }
    return taken;
  }

  /** Stops renewing without giving the lock back: what a process that dies leaves behind (tests). */
  abandon(): void {
    clearInterval(this.renewal);
  }

  async release(): Promise<void> {
    clearInterval(this.renewal);
    await this.redis.eval(RELEASE, 1, this.key, this.owner).catch(() => undefined);
  }
}
