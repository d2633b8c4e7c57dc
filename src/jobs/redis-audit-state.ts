import type { Redis } from 'ioredis';
import {
  type AuditRun,
  type AuditState,
  emptyAuditState,
  type LinkRecord,
  type LinkRecords,
} from '../core/audit/audit-state.js';

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

/** The auditing process's copy of a hub's link records while it audits: a file, or a `Map`. */
export interface LocalLinkRecords extends LinkRecords {
  /** The audit is over: the copy goes (Redis keeps the records). */
  close(): void;
}

export interface RedisAuditStateOptions {
  /**
   * An empty store for the copy of the records that `load` reads from Redis; a `Map` unless given
   * (`serve` keeps it in a file, so that a hub's 30,000 records are not on its heap).
   */
  localRecords?: () => LocalLinkRecords;
  /** Each link's record is written as it is done by default: a hash field costs little, and a process that dies loses none. */
  intervalMs?: number;
  clock?: () => number;
}

/** Hash fields read, and written, at once: a hub's 30,000 records are never one command. */
const PAGE = 500;

/** A copy of the records that knows which links were set since they were last written to Redis. */
class ChangedLinks implements LinkRecords {
  readonly changed = new Set<string>();

  constructor(readonly records: LocalLinkRecords) {}

  get(link: string): LinkRecord | undefined {
    return this.records.get(link);
  }

  set(link: string, record: LinkRecord): this {
    this.records.set(link, record);
    this.changed.add(link);
    return this;
  }

  keys(): Iterable<string> {
    return this.records.keys();
  }

  get size(): number {
    return this.records.size;
  }
}

function recordsInMemory(): LocalLinkRecords {
  return Object.assign(new Map<string, LinkRecord>(), { close: () => undefined });
}

/**
 * A hub's audit state in Redis, so that whichever process audits the hub next (another `serve`
 * replica after this one died) goes on from it: the link records in one hash, written as they
 * change, the rest (run, repositories, faults said) in one value. The auditing process reads the
 * records into a local copy a page at a time, and writes back only the links it set.
 */
export class RedisAuditState {
  private readonly linksKey: string;
  private readonly metaKey: string;
  private links: ChangedLinks | undefined;
  private readonly clock: () => number;
  private lastWrite = 0;
  private writtenMeta = '';

  constructor(
    private readonly redis: Redis,
    prefix: string,
    hub: string,
    private readonly options: RedisAuditStateOptions = {},
  ) {
    this.clock = options.clock ?? Date.now;
    const keys = auditKeys(prefix, hub);
    this.linksKey = keys.links;
    this.metaKey = keys.meta;
  }

  /** A record the link workers wrote into the hash themselves: not to be written again. */
  adopt(link: string): void {
    this.links?.changed.delete(link);
  }

  /** The last run, without reading the link records. */
  async lastRun(): Promise<AuditRun | undefined> {
    return (await this.readMeta()).run;
  }

  async load(): Promise<AuditState> {
    const meta = await this.readMeta();
    this.links?.records.close();
    const records = this.options.localRecords?.() ?? recordsInMemory();
    this.links = new ChangedLinks(records);
    let cursor = '0';
    do {
      const [next, page] = await this.redis.hscan(this.linksKey, cursor, 'COUNT', PAGE);
      cursor = next;
      // A field the scan returns twice (the hash grew meanwhile) is the same record twice.
      for (let index = 0; index + 1 < page.length; index += 2)
        records.set(page[index] as string, JSON.parse(page[index + 1] as string) as LinkRecord);
    } while (cursor !== '0');
    return { ...emptyAuditState(), ...meta, links: this.links };
  }

  /** Writes what changed, at most once an interval; `flush` writes it at once. */
  async save(state: AuditState): Promise<void> {
    if (this.clock() - this.lastWrite < (this.options.intervalMs ?? 0)) return;
    await this.flush(state);
  }

  async flush(state: AuditState): Promise<void> {
    this.lastWrite = this.clock();
    const own = state.links === this.links ? this.links : undefined;
    // A state this store did not load has no record of what changed: all its records are written.
    const changed = own ? [...own.changed] : [...state.links.keys()];
    const { links: _, ...rest } = state;
    const meta = JSON.stringify(rest);
    if (changed.length === 0 && meta === this.writtenMeta) return;
    const write = this.redis.multi();
    if (meta !== this.writtenMeta) write.set(this.metaKey, meta);
    for (let start = 0; start < changed.length; start += PAGE) {
      const fields: string[] = [];
      for (const link of changed.slice(start, start + PAGE)) {
        const record = state.links.get(link);
        if (record !== undefined) fields.push(link, JSON.stringify(record));
      }
      if (fields.length > 0) write.hset(this.linksKey, ...fields);
    }
    // Taken before the write: a link set again while it is on its way stays to be written.
    for (const link of changed) own?.changed.delete(link);
    try {
      // A command that fails inside MULTI does not reject `exec`: its error is in the replies.
      const replies = await write.exec();
      const failed = replies?.find(([error]) => error)?.[0];
      if (replies === null || failed) throw failed ?? new Error(`the write to ${this.metaKey} was discarded`);
    } catch (error) {
      for (const link of changed) own?.changed.add(link);
      throw error;
    }
    this.writtenMeta = meta;
  }

  /** Lets the local copy of the records go, however the audit ended. */
  close(): void {
    this.links?.records.close();
    this.links = undefined;
  }

  private async readMeta(): Promise<Partial<Omit<AuditState, 'links'>>> {
    const meta = await this.redis.get(this.metaKey);
    return meta ? (JSON.parse(meta) as Partial<Omit<AuditState, 'links'>>) : {};
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
