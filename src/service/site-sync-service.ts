import { join } from 'node:path';
import type { Logger } from 'pino';
import type { ProbotOctokit } from 'probot';
import { CoalescingRunner } from '../jobs/coalescing-runner.js';
import type { GiteeApi } from '../platforms/gitee/gitee-api.js';
import { GiteeHubTree } from '../platforms/gitee/gitee-hub-tree.js';
import { GitHubHubTree } from '../platforms/github/github-hub-tree.js';
import type { PlatformName } from '../review/review-request.js';
import { FolderPublisher } from '../site/folder-publisher.js';
import { GitHubBranchPublisher } from '../site/github-branch-publisher.js';
import { HttpPublisher } from '../site/http-publisher.js';
import { type CatalogPublisher, type HubTreeSource, SiteSyncer } from '../site/site-sync.js';
import type { Activity } from './activity.js';

type Octokit = InstanceType<typeof ProbotOctokit>;

export interface SiteSyncRequest {
  platform: PlatformName;
  owner: string;
  repo: string;
  /** The merge commit (or pushed head) on the default branch. */
  commit: string;
  installationId?: number;
  deliveryId: string;
  trigger: string;
}

export interface PublishSettings {
  /** POST the signed catalog here too. */
  http?: { url: string; secret: string };
  /** Commit the catalog and page to this branch of a GitHub repository (the app must be installed there). */
  githubBranch?: { owner: string; repo: string; branch: string; folder?: string };
}

export interface SiteSyncServiceOptions {
  /** The hub repositories to publish, as `platform:owner/repo`; any other repository is ignored. */
  hubs: readonly string[];
  /** Each hub is published to `<outDir>/<platform>/<owner>/<repo>/`. */
  outDir: string;
  publish?: PublishSettings;
  gitee?: GiteeApi;
  activity?: Activity;
  log?: Pick<Logger, 'info' | 'error'>;
}

export const hubKey = (request: Pick<SiteSyncRequest, 'platform' | 'owner' | 'repo'>) =>
  `${request.platform}:${request.owner}/${request.repo}`.toLowerCase();

/**
 * Rebuilds and publishes the catalog of a configured hub after a merge or a push to its default
 * branch. Syncs of one hub never overlap, and a burst of merges coalesces into one sync of the newest.
 */
export class SiteSyncService {
  private readonly hubs: ReadonlySet<string>;
  private readonly syncers = new Map<string, SiteSyncer>();
  private readonly runner: CoalescingRunner<SiteSyncRequest>;
  private githubAuth: ((installationId: number) => Promise<Octokit>) | undefined;

  constructor(private readonly options: SiteSyncServiceOptions) {
    this.hubs = new Set(options.hubs.map((hub) => hub.toLowerCase()));
    this.runner = new CoalescingRunner(
      (key, request) => this.run(key, request),
      (error, key) => options.log?.error({ err: error, hub: key }, 'site sync failed'),
    );
  }

  useGitHub(auth: (installationId: number) => Promise<Octokit>): void {
    this.githubAuth = auth;
  }

  request(request: SiteSyncRequest): 'not-a-hub' | 'started' | 'queued' | 'coalesced' {
    const key = hubKey(request);
    if (!this.hubs.has(key) || !/^[0-9a-f]{7,64}$/i.test(request.commit)) return 'not-a-hub';
    return this.runner.submit(key, request);
  }

  idle(): Promise<void> {
    return this.runner.idle();
  }

  private async run(key: string, request: SiteSyncRequest): Promise<void> {
    let syncer = this.syncers.get(key);
    if (!syncer) {
      syncer = new SiteSyncer(this.publisherFor(request));
      this.syncers.set(key, syncer);
    }
    const started = Date.now();
    const outcome = await syncer.sync(await this.sourceFor(request), request.commit);
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
      publishers.push(
        new GitHubBranchPublisher(async () => {
          if (!this.githubAuth || request.installationId === undefined)
            throw new Error('the GitHub branch publisher needs a GitHub App installation');
          return this.githubAuth(request.installationId);
        }, githubBranch),
      );
    }
    return {
      publish: async (artifacts) =>
        void (await Promise.all(publishers.map((publisher) => publisher.publish(artifacts)))),
    };
  }

  private async sourceFor(request: SiteSyncRequest): Promise<HubTreeSource> {
    if (request.platform === 'gitee' && this.options.gitee)
      return new GiteeHubTree(this.options.gitee, request);
    if (request.platform === 'github' && this.githubAuth && request.installationId !== undefined) {
      return new GitHubHubTree(await this.githubAuth(request.installationId), request);
    }
    throw new Error(`no ${request.platform} client is configured for ${request.owner}/${request.repo}`);
  }
}
