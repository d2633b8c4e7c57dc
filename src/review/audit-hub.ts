import type { AuditTotals } from '../core/audit/audit-report.js';
import { type AuditState, type RepoRecord, startRun } from '../core/audit/audit-state.js';
import type { AuditTargets, RepoTarget } from '../core/audit/audit-targets.js';
import { type HashPolicy, hashReason, rollingHashes } from '../core/audit/hash-plan.js';
import { type AuditHash, type LinkObservation, nextLinkRecord } from '../core/audit/link-transition.js';
import type { SourceRepoChecker, SourceRepoOutcome } from '../core/verification/hub-conf.js';

export interface AuditProgress {
  linksDone: number;
  links: number;
  hashedBytes: number;
}

/** What the audit works through: every request goes through these, so tests and servers choose how. */
export interface AuditAdapters {
  observe(link: string): Promise<LinkObservation>;
  hash(link: string): Promise<AuditHash>;
  sourceRepos?: SourceRepoChecker;
  /** Keeps the state where the next run finds it; called after each link, so it may write less often. */
  save(state: AuditState): void | Promise<void>;
  now(): Date;
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
  /** Repository checks at once (each is a platform API call under that platform's budget). */
  repoConcurrency: number;
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
  const links = [...targets.links.keys()];
  const rolling = rollingHashes(state, links, adapters.now(), options.hashPolicy);
  const progress: AuditProgress = { linksDone: 0, links: links.length, hashedBytes: 0 };
  let hashed = 0;
  const stopped = () => adapters.signal?.aborted === true;

  // Links whose host name did not resolve: dead if the network answered any other link, else unknown.
  const unresolved: string[] = [];
  let answered = false;
  const auditLink = async (link: string) => {
    const previous = state.links[link];
    if (previous?.run === run.id) return;
    let observation = await adapters.observe(link);
    if (observation.ok && options.hash && hashReason(previous, observation.validators, rolling, link)) {
      const digest = await adapters.hash(link);
      if (digest.ok) {
        observation = { ...observation, sha256: digest.sha256 };
        hashed++;
        progress.hashedBytes += digest.bytes;
      } else if (!digest.tooLarge)
        observation = {
          ok: false,
          final: digest.final,
          reason: digest.reason,
          ...(digest.unresolved ? { unresolved: true } : {}),
        };
    }
    if (!observation.ok && observation.unresolved) unresolved.push(link);
    else if (observation.ok || observation.final) answered = true;
    state.links[link] = nextLinkRecord(previous, observation, adapters.now(), run.id);
    progress.linksDone++;
    adapters.onProgress?.(progress);
    await adapters.save(state);
  };
  const byHost = new Map<string, string[]>();
  for (const link of links) {
    const host = new URL(link).host;
    const list = byHost.get(host);
    if (list) list.push(link);
    else byHost.set(host, [link]);
  }
  await Promise.all(
    [...byHost.values()].flatMap((hostLinks) => workers(hostLinks, options.perHost, auditLink, stopped)),
  );

  if (answered)
    for (const link of unresolved) {
      const record = state.links[link];
      if (record?.state === 'unknown')
        state.links[link] = nextLinkRecord(
          record,
          { ok: false, final: true, reason: record.reason ?? 'the host name does not resolve' },
          adapters.now(),
          run.id,
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
  const records = links.map((link) => state.links[link]);
  return {
    state,
    finished,
    totals: {
      files: targets.files,
      links: links.length,
      dead: records.filter((record) => record?.state === 'dead').length,
      unknown: records.filter((record) => record === undefined || record.state === 'unknown').length,
      hashed,
      hashedBytes: progress.hashedBytes,
      repos: targets.repos.size,
    },
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
