import { join } from 'node:path';
import type { Logger } from 'pino';
import type { PublishSettings } from '../config/settings.js';
import type { AuditSnapshot } from '../core/catalog/catalog-audit.js';
import { MshubError } from '../core/errors.js';
import { parseHubKey } from '../core/platform-name.js';
import { EmbeddedSiteSyncQueue, type SiteSyncQueue, type SiteSyncRunner } from '../jobs/site-sync-queue.js';
import type { GitHubAuth, Octokit } from '../platforms/github/github-auth.js';
import { type PlatformRegistry, platformFor } from '../review/hosted-platform.js';
import { FolderPublisher } from '../site/folder-publisher.js';
import { GitHubBranchPublisher } from '../site/github-branch-publisher.js';
import { HttpPublisher } from '../site/http-publisher.js';
import { type CatalogPublisher, type HubTreeSource, SiteSyncer } from '../site/site-sync.js';
import { hubKey, type SiteSyncRequest } from '../site/site-sync-request.js';
import { MemorySyncState, type SyncState } from '../site/sync-state.js';
import type { Activity } from './activity.js';

export type { PublishSettings };

export interface SiteSyncServiceOptions {
  /** The hub repositories to publish, as `platform:owner/repo`; any other repository is ignored. */
  hubs: readonly string[];
  /** Each hub is published to `<outDir>/<platform>/<owner>/<repo>/`. */
  outDir: string;
  publish?: PublishSettings;
  /** The configured platforms: a hub's tree is read through its own. */
  platforms: PlatformRegistry;
  /** The GitHub App's clients, when the app is configured (for the GitHub branch publisher). */
  github?: GitHubAuth;
  /** The Redis queue and state, when REDIS_URL is set; in this process otherwise. Each hub has its own state. */
  queue?: SiteSyncQueue;
  stateFor?: (hub: string) => SyncState;
  /** The hub's last audit, when one is kept: its faults are shown on the page. */
  auditOf?: (hub: string) => AuditSnapshot | undefined;
  activity?: Activity;
  log?: Pick<Logger, 'info' | 'error'>;
}

/**
 * Rebuilds and publishes the catalog of a configured hub after a merge or a push to its default
 * branch. Syncs of one hub never overlap, and a burst of merges coalesces into one sync of the newest.
 */
export class SiteSyncService {
  private readonly hubs: ReadonlySet<string>;
  private readonly queue: SiteSyncQueue;
  /** One syncer per hub keeps the hub's catalog between syncs. */
  private readonly syncers = new Map<string, SiteSyncer>();
  /** Runs one sync: the embedded queue calls it, and so do Redis workers. */
  readonly runner: SiteSyncRunner = (hub, request) => this.run(hub, request);

  constructor(private readonly options: SiteSyncServiceOptions) {
    this.hubs = new Set(options.hubs.map((hub) => hub.toLowerCase()));
    this.queue =
      options.queue ?? new EmbeddedSiteSyncQueue(this.runner, (error, hub) => this.logFailure(error, hub));
  }

  logFailure(error: unknown, hub: string): void {
    this.options.log?.error({ err: error, hub }, 'site sync failed');
  }

  async request(request: SiteSyncRequest): Promise<'not-a-hub' | 'started' | 'queued' | 'coalesced'> {
    const key = hubKey(request);
    if (!this.hubs.has(key) || !/^[0-9a-f]{7,64}$/i.test(request.commit)) return 'not-a-hub';
    return this.queue.submit(key, request);
  }

  /**
   * At start: a sync of each hub at the head of its default branch, so that a sync cut short by the
   * last shutdown, or a merge whose webhook came while the bot was down, is published now rather than
   * at the next merge. Syncs of unchanged hubs read the tree and publish nothing.
   */
  async catchUp(): Promise<void> {
    for (const hub of this.hubs) {
      try {
        const ref = parseHubKey(hub);
        if (!ref) throw new MshubError('CONFIG_INVALID', `${hub} is not platform:owner/repo`);
        const { platform, owner, repo } = ref;
        const head = await platformFor(this.options.platforms, ref).defaultHead({ owner, repo });
        await this.request({
          platform,
          owner,
          repo,
          commit: head.commit,
          ...(head.installationId === undefined ? {} : { installationId: head.installationId }),
          deliveryId: 'startup',
          trigger: 'startup',
        });
      } catch (error) {
        this.options.log?.error(
          { err: error, hub },
          'the start-up site sync could not be asked for; the next merge syncs',
        );
      }
    }
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }

  close(graceMs?: number): Promise<void> {
    return this.queue.close(graceMs);
  }

  private async run(key: string, request: SiteSyncRequest): Promise<void> {
    let syncer = this.syncers.get(key);
    if (!syncer) {
      syncer = new SiteSyncer({
        state: this.options.stateFor?.(key) ?? new MemorySyncState(),
        hubKey: key,
      });
      this.syncers.set(key, syncer);
    }
    const started = Date.now();
    const outcome = await syncer.sync(
      await this.sourceFor(request),
      request.commit,
      this.publisherFor(request),
      this.options.auditOf?.(key),
    );
    this.options.activity?.recordSync({
      at: Date.now(),
      hub: key,
      durationMs: Date.now() - started,
      ...outcome,
    });
    this.options.log?.info(
      { hub: key, deliveryId: request.deliveryId, trigger: request.trigger, ...outcome },
      'site sync finished',
    );
  }

  /** The folder, and the HTTP endpoint and GitHub branch when configured; each gets every publication. */
  private publisherFor(request: SiteSyncRequest): CatalogPublisher {
    const publishers: CatalogPublisher[] = [
      new FolderPublisher(join(this.options.outDir, request.platform, request.owner, request.repo)),
    ];
    const { http, githubBranch } = this.options.publish ?? {};
    if (http) publishers.push(new HttpPublisher(http));
    if (githubBranch) {
      publishers.push(new GitHubBranchPublisher(() => this.siteRepositoryClient(githubBranch), githubBranch));
    }
    return {
      publish: async (artifacts) =>
        void (await Promise.all(publishers.map((publisher) => publisher.publish(artifacts)))),
    };
  }

  /**
   * The app's installation on the site repository itself (which may be another owner's than the hub,
   * or serve a hub on Gitee), found through the app's own credentials.
   */
  private async siteRepositoryClient(site: { owner: string; repo: string }): Promise<Octokit> {
    const auth = this.options.github;
    if (!auth)
      throw new MshubError(
        'PLATFORM_NOT_CONFIGURED',
        'the GitHub branch publisher needs the GitHub App (APP_ID and PRIVATE_KEY)',
      );
    const app = await auth();
    const { data: installation } = await app.rest.apps.getRepoInstallation({
      owner: site.owner,
      repo: site.repo,
    });
    return auth(installation.id);
  }

  private sourceFor(request: SiteSyncRequest): Promise<HubTreeSource> {
    return platformFor(this.options.platforms, request).hubTree(request);
  }
}
