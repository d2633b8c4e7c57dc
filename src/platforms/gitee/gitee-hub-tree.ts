import type { RepoConfig } from '../../config/repo-config.js';
import { MshubError } from '../../core/errors.js';
import type { HubTreeSource } from '../../site/site-sync.js';
import type { GiteeApi } from './gitee-api.js';
import { GiteePullRequestSource } from './gitee-pull-request.js';

/** A Gitee hub repository at a commit: its tree in one request, blobs by id. */
export class GiteeHubTree implements HubTreeSource {
  private readonly base: string;

  constructor(
    private readonly api: GiteeApi,
    private readonly target: { owner: string; repo: string },
  ) {
    this.base = `/repos/${encodeURIComponent(target.owner)}/${encodeURIComponent(target.repo)}`;
  }

  async listFiles(commit: string): Promise<Array<{ path: string; blob: string }>> {
    const tree = await this.api.request<{
      tree?: Array<{ path?: string; type?: string; sha?: string }>;
      truncated?: boolean;
    }>('GET', `${this.base}/git/trees/${encodeURIComponent(commit)}`, { query: { recursive: 1 } });
    if (!tree?.tree || tree.truncated)
      throw new MshubError(
        'HUB_TREE_UNREADABLE',
        `the tree of ${this.target.owner}/${this.target.repo} at ${commit} could not be listed`,
      );
    return tree.tree
      .filter((entry) => entry.type === 'blob' && entry.path && entry.sha)
      .map((entry) => ({ path: entry.path as string, blob: entry.sha as string }));
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
