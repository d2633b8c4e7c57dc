import type { RepoConfig } from '../../config/repo-config.js';
import { MshubError } from '../../core/errors.js';
import type { HubTreeSource } from '../../site/site-sync.js';
import type { Octokit } from './github-auth.js';
import { loadGitHubRepoConfig } from './github-pull-request.js';

/** A GitHub hub repository at a commit: its tree in one request, blobs by id. */
export class GitHubHubTree implements HubTreeSource {
  private readonly target: { owner: string; repo: string };

  constructor(
    private readonly octokit: Octokit,
    { owner, repo }: { owner: string; repo: string },
  ) {
    this.target = { owner, repo };
  }

  async listFiles(commit: string): Promise<Array<{ path: string; blob: string }>> {
    const { data } = await this.octokit.rest.git.getTree({
      ...this.target,
      tree_sha: commit,
      recursive: 'true',
    });
    if (data.truncated)
      throw new MshubError(
        'HUB_TREE_UNREADABLE',
        `the tree of ${this.target.owner}/${this.target.repo} at ${commit} is too large to list`,
      );
    return data.tree
      .filter((entry) => entry.type === 'blob' && entry.path && entry.sha)
      .map((entry) => ({ path: entry.path as string, blob: entry.sha as string }));
  }

  async readBlob(_path: string, blob: string): Promise<Uint8Array> {
    const { data } = await this.octokit.rest.git.getBlob({ ...this.target, file_sha: blob });
    return Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8');
  }

  loadConfig(): Promise<RepoConfig> {
    return loadGitHubRepoConfig(this.octokit, this.target.owner, this.target.repo);
  }
}
