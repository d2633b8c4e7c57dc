import {
  defaultRepoConfig,
  parseRepoConfig,
  REPO_CONFIG_PATH,
  type RepoConfig,
} from '../../config/repo-config.js';
import { hubContextFromPaths } from '../../core/hub-path.js';
import type { HubContext } from '../../core/rules/rule-context.js';
import type { ChangedFile, PullRequestSource } from '../../review/review-platform.js';
import type { GiteeApi } from './gitee-api.js';

interface GiteeContent {
  type?: string;
  size?: number;
  content?: string;
  encoding?: string;
}

const segments = (path: string) => path.split('/').map(encodeURIComponent).join('/');

/** Reads a Gitee pull request and its hub repository through Gitee API v5. */
export class GiteePullRequestSource implements PullRequestSource {
  private readonly base: string;

  constructor(
    private readonly api: GiteeApi,
    target: { owner: string; repo: string },
    private readonly pullNumber?: number,
  ) {
    this.base = `/repos/${encodeURIComponent(target.owner)}/${encodeURIComponent(target.repo)}`;
  }

  async currentHead(): Promise<{ pullNumber: number; headSha: string } | undefined> {
    if (this.pullNumber === undefined) return undefined;
    const pull = await this.api.request<{ state?: string; head?: { sha?: string } }>(
      'GET',
      `${this.base}/pulls/${this.pullNumber}`,
      { allow404: true },
    );
    const sha = pull?.head?.sha;
    return pull?.state === 'open' && sha ? { pullNumber: this.pullNumber, headSha: sha } : undefined;
  }

  async listChangedFiles(pullNumber: number): Promise<ChangedFile[]> {
    const files = await this.api.list<{ filename: string; status?: string }>(
      `${this.base}/pulls/${pullNumber}/files`,
    );
    return files.map((file) => ({ path: file.filename, status: file.status ?? 'modified' }));
  }

  async readFile(path: string, ref: string, maxBytes: number): Promise<Uint8Array | undefined> {
    const content = await this.readContent(path, ref);
    if (!content) return undefined;
    if ((content.size ?? 0) > maxBytes) return new Uint8Array(maxBytes + 1);
    return Buffer.from(content.content ?? '', content.encoding === 'base64' ? 'base64' : 'utf8');
  }

  async hubContext(ref: string): Promise<HubContext> {
    const tree = await this.api.request<{
      tree?: Array<{ path?: string; type?: string }>;
      truncated?: boolean;
    }>('GET', `${this.base}/git/trees/${encodeURIComponent(ref)}`, {
      query: { recursive: 1 },
    });
    if (!tree?.tree || tree.truncated) return {};
    return hubContextFromPaths(
      tree.tree.filter((entry) => entry.type === 'blob').flatMap((entry) => entry.path ?? []),
    );
  }

  /** `.github/mshub-review.yml` on the default branch (the pull request cannot change the rules). */
  async loadConfig(): Promise<RepoConfig> {
    const content = await this.readContent(REPO_CONFIG_PATH, undefined);
    if (!content) return defaultRepoConfig();
    return parseRepoConfig(Buffer.from(content.content ?? '', 'base64').toString('utf8'), REPO_CONFIG_PATH);
  }

  private async readContent(path: string, ref: string | undefined): Promise<GiteeContent | undefined> {
    const content = await this.api.request<GiteeContent | unknown[]>(
      'GET',
      `${this.base}/contents/${segments(path)}`,
      {
        query: { ref },
        allow404: true,
      },
    );
    // Gitee answers a path that does not exist with an empty list.
    if (!content || Array.isArray(content) || content.type !== 'file') return undefined;
    return content;
  }
}
