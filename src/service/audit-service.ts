import type { Logger } from 'pino';
import type { AuditSettings } from '../config/environment.js';
import { type AuditReport, auditSnapshot } from '../core/audit/audit-report.js';
import type { AuditRun, AuditState } from '../core/audit/audit-state.js';
import { MshubError } from '../core/errors.js';
import { hubContextFromPaths, isAssetPath } from '../core/hub-path.js';
import { parseHubKey } from '../core/platform-name.js';
import { validateAssetFile } from '../core/validate-asset-file.js';
import type { SourceRepoChecker } from '../core/verification/hub-conf.js';
import type { AuditNetwork } from '../net/audit-network.js';
import { auditSnapshotPath, writeAuditSnapshot } from '../platforms/local/audit-snapshot-file.js';
import { AuditStateFile, hubAuditStatePath } from '../platforms/local/audit-state-file.js';
import { type CachedBlobs, hubBlobsPath, readHubBlobs } from '../platforms/local/hub-blob-cache.js';
import { freshLinkTargetsFile, linkTargetsPath } from '../platforms/local/link-targets-file.js';
import type { AuditProgress, LinkFanout } from '../review/audit-hub.js';
import { type PlatformRegistry, platformFor } from '../review/hosted-platform.js';
import { type HubAuditOutcome, type HubAuditStore, runHubAudit } from '../review/run-hub-audit.js';
import type { AuditRunning } from './activity.js';

/** An audit's state between runs: a file, or Redis. */
export interface AuditStateStore extends HubAuditStore {
  load(): AuditState | Promise<AuditState>;
  /** The last run alone, without reading the link records (whether it finished). */
  lastRun(): AuditRun | undefined | Promise<AuditRun | undefined>;
  /** Lets go of what it holds open (a file), however the audit ended. */
  close?(): void;
}

/** How often a running audit logs how far it is. */
const PROGRESS_LOG_MS = 60_000;

/** Blobs read from the platform at once while an audit reads a hub. */
const BLOB_READS = 8;

export interface AuditServiceOptions {
  /** The hub repositories to audit, as `platform:owner/repo`. */
  hubs: readonly string[];
  platforms: PlatformRegistry;
  network: AuditNetwork;
  sourceRepos: SourceRepoChecker;
  settings: AuditSettings;
  /** Each hub's audit state is kept in `<stateDir>/audit/<hub>.json`, so a restart goes on from it. */
  stateDir: string;
  log?: Pick<Logger, 'info' | 'warn' | 'error'>;
  now?: () => Date;
  /** Where each hub's audit state is kept: in Redis when REDIS_URL is set; a file under stateDir without. */
  stateFor?: (hub: string) => AuditStateStore;
  /** Spreads each run's links over every worker (Redis mode); without it, this process audits them. */
  fanoutFor?: (hub: string) => LinkFanout;
  /** One process audits a hub at a time (Redis mode). */
  lockFor?: (hub: string) => { acquire(): Promise<boolean>; release(): Promise<void> };
  /** How far a running audit is (/status, /metrics); undefined once it ends. */
  onProgress?: (hub: string, running: AuditRunning | undefined) => void;
  /** Told of each finished audit, with the commit audited: /metrics, and the hub page's next sync. */
  onAudit?: (hub: string, report: AuditReport, head: { commit: string; installationId?: number }) => void;
}

/**
 * Audits the configured hubs at the head of their default branch, one after the other: reads the
 * hub through its platform, checks every model, keeps the tracking issue up to date.
 */
export class AuditService {
  constructor(private readonly options: AuditServiceOptions) {}

  get hubs(): readonly string[] {
    return this.options.hubs;
  }

  /** Hubs whose last audit was stopped before it finished: the schedule goes on with them at start. */
  async unfinished(): Promise<string[]> {
    const stopped: string[] = [];
    for (const hub of this.options.hubs) {
      try {
        const run = await this.store(hub).lastRun();
        if (run !== undefined && run.finishedAt === undefined) stopped.push(hub);
      } catch {}
    }
    return stopped;
  }

  /** Every hub, one after the other; a hub that fails is logged and the next one still audited. */
  async auditAll(signal?: AbortSignal): Promise<void> {
    for (const hub of this.options.hubs) {
      if (signal?.aborted) return;
      try {
        await this.audit(hub, signal);
      } catch (error) {
        this.options.log?.error({ err: error, hub }, 'the audit of the hub failed; the next run tries again');
      }
    }
  }

  /**
   * One hub's audit, when no other process is auditing it (in Redis mode several `serve` replicas
   * may run the schedule; one audits each hub, and another takes over if it dies).
   */
  async audit(hub: string, signal?: AbortSignal): Promise<HubAuditOutcome | { busy: true }> {
    const lock = this.options.lockFor?.(hub);
    if (lock && !(await lock.acquire())) {
      this.options.log?.info({ hub }, 'another process is auditing the hub');
      return { busy: true };
    }
    try {
      return await this.auditHeld(hub, signal);
    } finally {
      await lock?.release();
    }
  }

  private async auditHeld(hub: string, signal?: AbortSignal): Promise<HubAuditOutcome> {
    const ref = parseHubKey(hub);
    if (!ref)
      throw new MshubError(
        'CONFIG_INVALID',
        `AUDIT_REPOS: ${JSON.stringify(hub)} is not platform:owner/repo.`,
      );
    const { platform, owner, repo } = ref;
    const now = this.options.now ?? (() => new Date());
    const started = now().getTime();
    const hosted = platformFor(this.options.platforms, { platform, owner, repo });
    const head = await hosted.defaultHead({ owner, repo });
    const { commit } = head;
    const access = await hosted.auditAccess({ owner, repo });
    const files = await access.tree.listFiles(commit);
    const config = await access.tree.loadConfig();
    const statePath = hubAuditStatePath(this.options.stateDir, hub);
    const store = this.store(hub);
    const { settings } = this.options;
    // An audit of a large hub runs for hours: the log says how far it is, once a progress interval.
    let lastProgress = now().getTime();
    const onProgress = (progress: AuditProgress) => {
      this.options.onProgress?.(hub, { startedAt: started, ...progress });
      if (now().getTime() - lastProgress < PROGRESS_LOG_MS) return;
      lastProgress = now().getTime();
      this.options.log?.info({ hub, commit, ...progress }, 'audit in progress');
    };
    let outcome: HubAuditOutcome;
    // The links are gathered on disk for the run, not on the heap: a serve process lives for months.
    const targets = freshLinkTargetsFile(linkTargetsPath(statePath));
    let blobs: CachedBlobs | undefined;
    try {
      const assetFiles = files.filter((file) => isAssetPath(file.path));
      const cached = await readHubBlobs(
        hubBlobsPath(statePath),
        assetFiles,
        (file) => access.tree.readBlob(file.path, file.blob, commit),
        BLOB_READS,
      );
      blobs = cached;
      const hubContext = hubContextFromPaths(files.map((file) => file.path));
      // A file at a time from disk, let go once its links are gathered: the audit needs no other file's findings.
      const results = (function* () {
        for (const file of assetFiles) {
          const bytes = cached.bytes(file.blob);
          if (bytes !== undefined)
            yield validateAssetFile({ path: file.path, bytes }, config.rules, hubContext);
        }
      })();
      outcome = await runHubAudit({
        results,
        targets,
        rules: config.rules,
        state: await store.load(),
        store,
        adapters: {
          observe: this.options.network.observe,
          hash: this.options.network.hash,
          sourceRepos: this.options.sourceRepos,
          now,
          onProgress,
          ...(this.options.fanoutFor ? { fanout: this.options.fanoutFor(hub) } : {}),
          ...(signal ? { signal } : {}),
        },
        options: {
          hashPolicy: { rollingBytes: settings.rollingHashBytes, rehashAfterMs: settings.rehashAfterMs },
          hash: true,
          perHost: settings.perHost,
          hostRate: settings.hostRate,
          repoConcurrency: 2,
        },
        issue: {
          tracker: access.issues,
          language: config.language ?? (platform === 'github' ? 'en' : 'zh+en'),
        },
      });
    } finally {
      store.close?.();
      targets.discard();
      blobs?.close();
      this.options.onProgress?.(hub, undefined);
    }
    if (!outcome.finished) {
      this.options.log?.info({ hub, commit }, 'audit stopped; it goes on from here at the next start');
      return outcome;
    }
    writeAuditSnapshot(auditSnapshotPath(this.options.stateDir, hub), auditSnapshot(outcome.report));
    this.options.onAudit?.(hub, outcome.report, head);
    this.options.log?.info(
      {
        hub,
        commit,
        durationMs: now().getTime() - started,
        totals: outcome.report.totals,
        newFaults: outcome.report.fresh.length,
        openFaults: outcome.report.fresh.length + outcome.report.ongoing.length,
        ended: outcome.report.ended.length,
        filesAsked: blobs?.asked,
        issue: outcome.issue,
      },
      'audit finished',
    );
    return outcome;
  }

  private store(hub: string): AuditStateStore {
    return this.options.stateFor?.(hub) ?? new AuditStateFile(hubAuditStatePath(this.options.stateDir, hub));
  }
}
