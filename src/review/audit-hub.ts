import type { AuditTotals } from '../core/audit/audit-report.js';
import { type AuditState, type LinkRecord, type RepoRecord, startRun } from '../core/audit/audit-state.js';
import type { AuditTargets, RepoTarget } from '../core/audit/audit-targets.js';
import { type HashPolicy, rollingHashes } from '../core/audit/hash-plan.js';
import { nextLinkRecord } from '../core/audit/link-transition.js';
import type { SourceRepoChecker, SourceRepoOutcome } from '../core/verification/hub-conf.js';
import { auditLinkInTurn, type HostBounds, type LinkRequests, type LinkTask } from './audit-link.js';
import { LocalHostGate } from './local-host-gate.js';
import { perHost } from './per-host-lanes.js';

export interface AuditProgress {
  linksDone: number;
  links: number;
  hashedBytes: number;
}

/** What the links of a run came to, when other processes audited them. */
export interface FannedOutLinks {
  hashed: number;
  hashedBytes: number;
  /** Links whose host name did not resolve, and whether the network answered any link of the run. */
  unresolved: string[];
  answered: boolean;
  /** False when the run was stopped before every link was done. */
  finished: boolean;
}

/**
 * The links a run has left to audit, worked out again each time they are gone through: a hub's
 * 30,000 tasks are never held at once.
 */
export interface LinkTasks extends Iterable<LinkTask> {
  readonly size: number;
}

/**
 * Spreads a run's links over every worker (Redis mode), under per-host limits that hold across
 * them; resolves once each link has its record of the run, or when `signal` stops the wait.
 */
export interface LinkFanout {
  audit(run: string, tasks: LinkTasks, options: FanoutOptions): Promise<FannedOutLinks>;
}

export interface FanoutOptions {
  bounds: HostBounds;
  signal?: AbortSignal;
  /** Links recorded so far (an estimate until the end), and the bytes hashed. */
  onProgress?(done: number, hashedBytes: number): void;
  /** Each record of the run the workers wrote, once the run ends or stops: one at a time, never all at once. */
  onRecord(link: string, record: LinkRecord): void | Promise<void>;
}

/** What the audit works through: every request goes through these, so tests and servers choose how. */
export interface AuditAdapters extends LinkRequests {
  sourceRepos?: SourceRepoChecker;
  /** Keeps the state where the next run finds it; called after each link, so it may write less often. */
  save(state: AuditState): void | Promise<void>;
  /** Audits the links on the workers instead of here; `adopt` is told of each record they wrote. */
  fanout?: LinkFanout;
  adopt?(link: string): void;
  onProgress?(progress: AuditProgress): void;
  /** Stops the run between links; what is done is kept, and the next run goes on from there. */
  signal?: AbortSignal;
}

export interface AuditOptions {
  hashPolicy: HashPolicy;
  /** False: only the cheap requests, no download (a quick look between full runs). */
  hash: boolean;
  /** Requests at once to one host: almost every asset is on one host, which the audit must not flood. */
  perHost: number;
  /** Links a second to one host, across every process (0 or absent: as fast as `perHost` allows). */
  hostRate?: number;
  /** Repository checks at once (each is a platform API call under that platform's budget). */
  repoConcurrency: number;
}

function hostBounds(options: AuditOptions): HostBounds {
  return { atOnce: options.perHost, ...(options.hostRate ? { perSecond: options.hostRate } : {}) };
}

/**
 * Audits every link and source folder of a hub once per run: a cheap request for each link, a full
 * download and hash when the link was never hashed, when its validators changed, or when the rolling
 * budget reaches it. The state is updated link by link, so a stopped run goes on where it stopped.
 */
export async function auditHub(
  targets: AuditTargets,
  state: AuditState,
  adapters: AuditAdapters,
  options: AuditOptions,
): Promise<{ state: AuditState; totals: AuditTotals; finished: boolean }> {
  const run = startRun(state, adapters.now());
  state.run = run;
  await adapters.save(state);
  const rolling = rollingHashes(state, linksOf(targets), adapters.now(), options.hashPolicy);
  const progress: AuditProgress = { linksDone: 0, links: targets.links.size, hashedBytes: 0 };
  let hashed = 0;
  const stopped = () => adapters.signal?.aborted === true;

  // Links whose host name did not resolve: dead if the network answered any other link, else unknown.
  const unresolved: string[] = [];
  let answered = false;
  const fanout = adapters.fanout;
  const bounds = hostBounds(options);
  if (fanout) {
    const tasks = tasksLeft(targets, state, run.id, rolling, options.hash);
    const all = progress.links;
    const outcome = await fanout.audit(run.id, tasks, {
      bounds,
      ...(adapters.signal ? { signal: adapters.signal } : {}),
      onProgress: (done, hashedBytes) => {
        progress.linksDone = Math.min(all, all - tasks.size + done);
        progress.hashedBytes = hashedBytes;
        adapters.onProgress?.(progress);
      },
      onRecord: (link, record) => {
        state.links.set(link, record);
        adapters.adopt?.(link);
      },
    });
    hashed = outcome.hashed;
    progress.hashedBytes = outcome.hashedBytes;
    unresolved.push(...outcome.unresolved);
    answered = outcome.answered;
    if (!outcome.finished) {
      await adapters.save(state);
      return {
        state,
        finished: false,
        totals: totalsOf(targets, state, hashed, progress.hashedBytes),
      };
    }
  } else {
    const gate = new LocalHostGate();
    const audit = async (link: string) => {
      const previous = state.links.get(link);
      if (previous?.run === run.id) return;
      const outcome = await auditLinkInTurn(
        { link, rolling: rolling.has(link), hash: options.hash },
        previous,
        adapters,
        run.id,
        { gate, bounds, ...(adapters.signal ? { signal: adapters.signal } : {}) },
      );
      if (outcome.hashedBytes !== undefined) {
        hashed++;
        progress.hashedBytes += outcome.hashedBytes;
      }
      if (outcome.unresolved) unresolved.push(link);
      else if (outcome.answered) answered = true;
      state.links.set(link, outcome.record);
      progress.linksDone++;
      adapters.onProgress?.(progress);
      await adapters.save(state);
    };
    await perHost(linksOf(targets), options.perHost, audit, stopped);
  }

  if (answered)
    for (const link of unresolved) {
      const record = state.links.get(link);
      if (record?.state === 'unknown')
        state.links.set(
          link,
          nextLinkRecord(
            record,
            { ok: false, final: true, reason: record.reason ?? 'the host name does not resolve' },
            adapters.now(),
            run.id,
          ),
        );
    }

  const checker = adapters.sourceRepos;
  if (checker) {
    const auditRepo = async (target: RepoTarget) => {
      const previous = state.repos[target.key];
      if (previous?.run === run.id) return;
      const outcome = await checker.check(target.link);
      state.repos[target.key] = nextRepoRecord(previous, outcome, adapters.now(), run.id);
      await adapters.save(state);
    };
    await Promise.all(workers([...targets.repos.values()], options.repoConcurrency, auditRepo, stopped));
  }

  const finished = !stopped();
  if (finished) run.finishedAt = adapters.now().toISOString();
  await adapters.save(state);
  return { state, finished, totals: totalsOf(targets, state, hashed, progress.hashedBytes) };
}

/** The links of the run without its record yet, read from the targets and the state each time. */
function tasksLeft(
  targets: AuditTargets,
  state: AuditState,
  run: string,
  rolling: ReadonlySet<string>,
  hash: boolean,
): LinkTasks {
  const left = (link: string) => state.links.get(link)?.run !== run;
  let size = 0;
  for (const link of linksOf(targets)) if (left(link)) size++;
  return {
    size,
    *[Symbol.iterator]() {
      for (const link of linksOf(targets)) if (left(link)) yield { link, rolling: rolling.has(link), hash };
    },
  };
}

function* linksOf(targets: AuditTargets): Generator<string> {
  for (const target of targets.links.values()) yield target.link;
}

function totalsOf(
  targets: AuditTargets,
  state: AuditState,
  hashed: number,
  hashedBytes: number,
): AuditTotals {
  let dead = 0;
  let unknown = 0;
  for (const link of linksOf(targets)) {
    const record = state.links.get(link);
    if (record?.state === 'dead') dead++;
    else if (record === undefined || record.state === 'unknown') unknown++;
  }
  return {
    files: targets.files,
    links: targets.links.size,
    dead,
    unknown,
    hashed,
    hashedBytes,
    repos: targets.repos.size,
  };
}

/**
 * `count` loops taking the items in turn, until none is left or the run is stopped: at most `count`
 * in flight, and nothing queued ahead (a hub's 30,000 links cost no memory before their turn).
 */
function workers<T>(
  items: readonly T[],
  count: number,
  work: (item: T) => Promise<void>,
  stopped: () => boolean,
): Array<Promise<void>> {
  let next = 0;
  const loop = async () => {
    while (next < items.length && !stopped()) await work(items[next++] as T);
  };
  return Array.from({ length: Math.min(count, items.length) }, loop);
}

function nextRepoRecord(
  previous: RepoRecord | undefined,
  outcome: SourceRepoOutcome,
  now: Date,
  run: string,
): RepoRecord {
  const at = now.toISOString();
  const lastOkAt = outcome.ok ? at : previous?.lastOkAt;
  const base = { checkedAt: at, run, ...(lastOkAt === undefined ? {} : { lastOkAt }) };
  if (outcome.ok) return { ...base, state: outcome.definesCreateNetwork ? 'ok' : 'no-create-network' };
  if (outcome.kind === 'unchecked') return { ...base, state: 'unknown', reason: outcome.reason };
  return { ...base, state: outcome.kind === 'repo' ? 'repo-gone' : 'conf-missing', reason: outcome.reason };
}
