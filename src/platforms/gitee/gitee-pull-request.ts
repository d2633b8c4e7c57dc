import {
  defaultRepoConfig,
  parseRepoConfig,
  REPO_CONFIG_PATH,
  type RepoConfig,
} from '../../config/repo-config.js';
import { MshubError } from '../../core/errors.js';
import { ASSETS_ROOT, hubContextFromPaths } from '../../core/hub-path.js';
import { VENDORED_CLI_PATH } from '../../core/local-command.js';
import type { HubContext } from '../../core/rules/rule-context.js';
import { changedBetweenTrees } from '../../review/compare-trees.js';
import type { ChangedFile, PullRequestSource } from '../../review/review-platform.js';
import type { GiteeApi } from './gitee-api.js';
import { readGiteeTree } from './gitee-tree.js';

interface GiteeContent {
  type?: string;
  size?: number;
  content?: string;
  encoding?: string;
}

const segments = (path: string) => path.split('/').map(encodeURIComponent).join('/');

/** One entry of `GET /pulls/{n}/files` (drone/go-scm testdata/pr_files.json, captured from gitee.com). */
interface GiteePullFile {
  filename?: string;
  /** `added`, `deleted`, `renamed`, or null for a modified file. */
  status?: string | null;
  patch?: { deleted_file?: boolean; new_file?: boolean; renamed_file?: boolean };
}

const GITEE_FILES_CAP = 300;

/** Gitee's words in the review's: a deleted file is `removed`, and is not reviewed. */
function giteeFileStatus(file: GiteePullFile): string {
  if (file.status === 'deleted' || file.status === 'removed' || file.patch?.deleted_file) return 'removed';
  if (file.status === 'added' || file.patch?.new_file) return 'added';
  if (file.status === 'renamed' || file.patch?.renamed_file) return 'renamed';
  return 'modified';
}

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
    // Gitee says `open`, GitCode (GitLab-shaped) `opened`.
    const open = pull?.state === 'open' || pull?.state === 'opened';
    return open && sha ? { pullNumber: this.pullNumber, headSha: sha } : undefined;
  }

  /**
   * Gitee's files endpoint takes no paging parameters and lists at most 300 files (go-gitee:
   * `PullRequestFiles`, "最多显示300条diff"): it is called once, and at 300 the changed files are
   * found by comparing the base and head trees instead.
   */
  async listChangedFiles(pullNumber: number): Promise<ChangedFile[]> {
    const files =
      (await this.api.request<GiteePullFile[]>('GET', `${this.base}/pulls/${pullNumber}/files`)) ?? [];
    if (files.length >= GITEE_FILES_CAP) return this.compareTrees(pullNumber);
    const byPath = new Map<string, ChangedFile>();
    for (const file of files) {
      if (typeof file.filename !== 'string' || byPath.has(file.filename)) continue;
      byPath.set(file.filename, { path: file.filename, status: giteeFileStatus(file) });
    }
    return [...byPath.values()];
  }

  private async compareTrees(pullNumber: number): Promise<ChangedFile[]> {
    const pull = await this.api.request<{ base?: { sha?: string }; head?: { sha?: string } }>(
      'GET',
      `${this.base}/pulls/${pullNumber}`,
    );
    const baseSha = pull?.base?.sha;
    const headSha = pull?.head?.sha;
    if (!baseSha || !headSha)
      throw new MshubError('HUB_TREE_UNREADABLE', `pull request ${pullNumber} names no base or head commit`);
    const [base, head] = await Promise.all(
      [baseSha, headSha].map((sha) => readGiteeTree(this.api, this.base, sha, [ASSETS_ROOT])),
    );
    return changedBetweenTrees(base ?? new Map(), head ?? new Map());
  }

  async readFile(path: string, ref: string, maxBytes: number): Promise<Uint8Array | undefined> {
    const content = await this.readContent(path, ref);
    if (!content) return undefined;
    if ((content.size ?? 0) > maxBytes) return new Uint8Array(maxBytes + 1);
    return Buffer.from(content.content ?? '', content.encoding === 'base64' ? 'base64' : 'utf8');
  }

  async hubContext(ref: string): Promise<HubContext> {
    const blobs = await readGiteeTree(this.api, this.base, ref, ['mshub_res', VENDORED_CLI_PATH]);
    return hubContextFromPaths(blobs.keys());
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
