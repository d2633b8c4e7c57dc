import type { RepoConfig } from '../../config/repo-config.js';
import type { HubTreeSource } from '../../site/site-sync.js';
import type { GiteeApi } from './gitee-api.js';
import { GiteePullRequestSource } from './gitee-pull-request.js';
import { readGiteeTree } from './gitee-tree.js';

/** A Gitee hub repository at a commit: its tree in one request, blobs by id. */
export class GiteeHubTree implements HubTreeSource {
  private readonly base: string;

  constructor(
    private readonly api: GiteeApi,
    private readonly target: { owner: string; repo: string },
  ) {
    this.base = `/repos/${encodeURIComponent(target.owner)}/${encodeURIComponent(target.repo)}`;
  }

  /** The hub's files under `mshub_res` (all the catalog reads), folder by folder when Gitee truncates. */
  async listFiles(commit: string): Promise<Array<{ path: string; blob: string }>> {
    const blobs = await readGiteeTree(this.api, this.base, commit, ['mshub_res']);
    return [...blobs].map(([path, blob]) => ({ path, blob }));
  }

  async readBlob(_path: string, blob: string): Promise<Uint8Array> {
    const data = await this.api.request<{ content?: string; encoding?: string }>(
      'GET',
      `${this.base}/git/blobs/${encodeURIComponent(blob)}`,
    );
    return Buffer.from(data?.content ?? '', data?.encoding === 'base64' ? 'base64' : 'utf8');
  }

  loadConfig(): Promise<RepoConfig> {
    return new GiteePullRequestSource(this.api, this.target).loadConfig();
  }
}
