import { createHash } from 'node:crypto';
import type { ProbotOctokit } from 'probot';
import type { CatalogPublisher, SiteArtifacts } from './site-sync.js';

type Octokit = InstanceType<typeof ProbotOctokit>;

/**
 * Publishes to a branch of a GitHub repository (a Pages branch, say) with one commit through the
 * git data API: two blobs, a tree on top of the branch's tree, a commit, and the ref moved to it.
 */
export class GitHubBranchPublisher implements CatalogPublisher {
  constructor(
    private readonly octokit: () => Promise<Octokit>,
    private readonly target: { owner: string; repo: string; branch: string; folder?: string },
  ) {}

  async publish(artifacts: SiteArtifacts): Promise<void> {
    const octokit = await this.octokit();
    const { owner, repo, branch } = this.target;
    const prefix = this.target.folder ? `${this.target.folder.replace(/^\/+|\/+$/g, '')}/` : '';
    let parent: { sha: string; tree: string } | undefined;
    try {
      const { data: ref } = await octokit.rest.git.getRef({ owner, repo, ref: `heads/${branch}` });
      const { data: commit } = await octokit.rest.git.getCommit({ owner, repo, commit_sha: ref.object.sha });
      parent = { sha: commit.sha, tree: commit.tree.sha };
    } catch (error) {
      if ((error as { status?: number }).status !== 404) throw error;
    }
    const files = { 'catalog.json': artifacts.catalogJson, 'index.html': artifacts.indexHtml };
    const tree: Array<{ path: string; mode: '100644'; type: 'blob'; sha?: string; content?: string }> =
      await Promise.all(
        Object.entries(files).map(async ([name, content]) => {
          const { data: blob } = await octokit.rest.git.createBlob({
            owner,
            repo,
            content,
            encoding: 'utf-8',
          });
          return { path: `${prefix}${name}`, mode: '100644' as const, type: 'blob' as const, sha: blob.sha };
        }),
      );
    // The details go inline in the tree request (one call, however many folders the hub has), and
    // only those whose blob differs from the branch's: git names a blob by the SHA-1 of its content.
    const published = parent ? await this.blobsUnder(octokit, parent.tree, `${prefix}details/`) : new Map();
    for (const [name, content] of Object.entries(artifacts.detailFiles))
      if (published.get(`${prefix}${name}`) !== gitBlobSha(content))
        tree.push({ path: `${prefix}${name}`, mode: '100644', type: 'blob', content });
    const { data: newTree } = await octokit.rest.git.createTree({
      owner,
      repo,
      tree,
      ...(parent ? { base_tree: parent.tree } : {}),
    });
    const { data: commit } = await octokit.rest.git.createCommit({
      owner,
      repo,
      message: `Publish the hub catalog of ${artifacts.commit.slice(0, 12)} (${artifacts.catalog.models.length} models)`,
      tree: newTree.sha,
      parents: parent ? [parent.sha] : [],
    });
    if (parent) await octokit.rest.git.updateRef({ owner, repo, ref: `heads/${branch}`, sha: commit.sha });
    else await octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: commit.sha });
  }

  /** The blob ids of the branch's files under `folder`, from one recursive tree listing. */
  private async blobsUnder(octokit: Octokit, tree: string, folder: string): Promise<Map<string, string>> {
    const { owner, repo } = this.target;
    const { data } = await octokit.rest.git.getTree({ owner, repo, tree_sha: tree, recursive: 'true' });
    const blobs = new Map<string, string>();
    // A truncated listing knows only some blobs: the others are sent again, which is merely slower.
    for (const entry of data.tree)
      if (entry.type === 'blob' && entry.path?.startsWith(folder) && entry.sha)
        blobs.set(entry.path, entry.sha);
    return blobs;
  }
}

/** The id git gives a file's content: SHA-1 of `blob <bytes>\0` and the bytes. */
export function gitBlobSha(content: string): string {
  const bytes = Buffer.from(content, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
