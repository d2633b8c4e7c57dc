import {
  defaultRepoConfig,
  REPO_CONFIG_PATH,
  type RepoConfig,
  repoConfigFromObject,
} from '../../config/repo-config.js';
import { addedLines } from '../../core/diff/added-lines.js';
import { hubContextFromPaths } from '../../core/hub-path.js';
import type { HubContext } from '../../core/rules/rule-context.js';
import { changedBetweenTrees } from '../../review/compare-trees.js';
import type { ChangedFile, PullRequestSource } from '../../review/review-platform.js';
import type { Octokit } from './github-auth.js';

/** GitHub lists at most this many files of a pull request; past it, the trees are compared. */
const LIST_FILES_CAP = 3000;

interface Repo {
  owner: string;
  repo: string;
}

/** Reads a GitHub pull request and its hub repository through the app's installation client. */
export class GitHubPullRequestSource implements PullRequestSource {
  /** The pull request, once known (a fork's re-run learns it from the head commit). */
  pullNumber: number | undefined;
  /** The diff of each changed file, as the file list gave it (none past its 3,000 files). */
  private readonly patches = new Map<string, string>();

  /** The lines each changed file adds, for suggestions on them; read from the file list, no new call. */
  addedLines(): Map<string, Set<number>> {
    return new Map([...this.patches].map(([path, patch]) => [path, addedLines(patch)]));
  }

  constructor(
    private readonly octokit: Octokit,
    private readonly target: Repo & { pullNumber?: number; headSha?: string },
  ) {
    this.pullNumber = target.pullNumber;
  }

  async currentHead(): Promise<{ pullNumber: number; headSha: string } | undefined> {
    const { owner, repo, pullNumber, headSha } = this.target;
    if (pullNumber !== undefined) {
      const { data } = await this.octokit.rest.pulls.get({ owner, repo, pull_number: pullNumber });
      return data.state === 'open' ? { pullNumber, headSha: data.head.sha } : undefined;
    }
    // A fork's check run names no pull request: find the open one whose head is the commit.
    const open = await this.octokit.paginate(this.octokit.rest.pulls.list, {
      owner,
      repo,
      state: 'open',
      per_page: 100,
    });
    const match = open.find((pull) => pull.head.sha === headSha);
    if (!match) return undefined;
    this.pullNumber = match.number;
    return { pullNumber: match.number, headSha: match.head.sha };
  }

  async listChangedFiles(pullNumber: number): Promise<ChangedFile[]> {
    const { owner, repo } = this.target;
    const files = await this.octokit.paginate(this.octokit.rest.pulls.listFiles, {
      owner,
      repo,
      pull_number: pullNumber,
      per_page: 100,
    });
    if (files.length < LIST_FILES_CAP) {
      for (const file of files) if (file.patch) this.patches.set(file.filename, file.patch);
      return files.map((file) => ({ path: file.filename, status: file.status }));
    }
    return this.compareTrees(pullNumber);
  }

  async readFile(path: string, ref: string, maxBytes: number): Promise<Uint8Array | undefined> {
    const { owner, repo } = this.target;
    try {
      const { data } = await this.octokit.rest.repos.getContent({ owner, repo, path, ref });
      if (Array.isArray(data) || data.type !== 'file') return undefined;
      // Files over 1 MB come without content; a placeholder of the limit's size makes the size rule report it.
      if (data.size > maxBytes || !('content' in data) || data.encoding !== 'base64')
        return new Uint8Array(maxBytes + 1);
      return Buffer.from(data.content, 'base64');
    } catch (error) {
      if ((error as { status?: number }).status === 404) return undefined;
      throw error;
    }
  }

  async hubContext(ref: string): Promise<HubContext> {
    const { owner, repo } = this.target;
    const { data } = await this.octokit.rest.git.getTree({ owner, repo, tree_sha: ref, recursive: 'true' });
    if (data.truncated) return {};
    return hubContextFromPaths(
      data.tree.filter((entry) => entry.type === 'blob').flatMap((entry) => entry.path ?? []),
    );
  }

  loadConfig(): Promise<RepoConfig> {
    return loadGitHubRepoConfig(this.octokit, this.target.owner, this.target.repo);
  }

  /** Beyond GitHub's 3,000-file list: the asset files whose blobs differ between base and head. */
  private async compareTrees(pullNumber: number): Promise<ChangedFile[]> {
    const { owner, repo } = this.target;
    const { data: pull } = await this.octokit.rest.pulls.get({ owner, repo, pull_number: pullNumber });
    const [base, head] = await Promise.all(
      [pull.base.sha, pull.head.sha].map(async (sha) => {
        const { data } = await this.octokit.rest.git.getTree({
          owner,
          repo,
          tree_sha: sha,
          recursive: 'true',
        });
        return new Map(
          data.tree
            .filter((entry) => entry.type === 'blob' && entry.path)
            .map((entry) => [entry.path as string, entry.sha]),
        );
      }),
    );
    return changedBetweenTrees(base ?? new Map(), head ?? new Map());
  }
}

/** `.github/mshub-review.yml` through Probot's config loader (default branch, owner's `.github` fallback). */
export async function loadGitHubRepoConfig(
  octokit: Octokit,
  owner: string,
  repo: string,
): Promise<RepoConfig> {
  const { config, files } = await octokit.config.get({ owner, repo, path: REPO_CONFIG_PATH });
  if (!files.some((file) => file.config !== null)) return defaultRepoConfig();
  return repoConfigFromObject(config, `${owner}/${repo}/${REPO_CONFIG_PATH}`);
}
