import { MshubError } from '../../core/errors.js';
import type { AuditAccess, HostedPlatform } from '../../review/hosted-platform.js';
import type { ReviewRequest } from '../../review/review-request.js';
import type { SiteSyncRequest } from '../../site/site-sync-request.js';
import type { GitHubAuth, Octokit } from './github-auth.js';
import { GitHubHubTree } from './github-hub-tree.js';
import { GitHubIssueTracker } from './github-issue-tracker.js';
import { GitHubPullRequestSource } from './github-pull-request.js';
import { GitHubReporter } from './github-reporter.js';

/** GitHub, as the App installed on the repository: check runs, the sticky comment, suggestions, hub trees. */
export class GitHubPlatform implements HostedPlatform {
  constructor(private readonly auth: GitHubAuth) {}

  async pullRequest(request: ReviewRequest) {
    const octokit = await this.auth(installationOf(request));
    const source = new GitHubPullRequestSource(octokit, {
      owner: request.owner,
      repo: request.repo,
      ...(request.pullNumber === undefined ? {} : { pullNumber: request.pullNumber }),
      ...(request.headSha === undefined ? {} : { headSha: request.headSha }),
    });
    const reporter = new GitHubReporter(octokit, {
      owner: request.owner,
      repo: request.repo,
      pullNumber: () => source.pullNumber,
      addedLines: () => source.addedLines(),
    });
    return { source, reporter };
  }

  async hubTree(request: SiteSyncRequest) {
    return new GitHubHubTree(await this.auth(installationOf(request)), request);
  }

  async auditAccess(hub: { owner: string; repo: string }): Promise<AuditAccess> {
    const octokit = await this.auth(await this.installationOn(hub));
    const { data: app } = await (await this.auth()).rest.apps.getAuthenticated();
    const botLogin = `${app?.slug ?? ''}[bot]`;
    return {
      tree: new GitHubHubTree(octokit, hub),
      issues: new GitHubIssueTracker(octokit, hub, botLogin),
    };
  }

  async defaultHead(hub: {
    owner: string;
    repo: string;
  }): Promise<{ commit: string; installationId: number }> {
    const installationId = await this.installationOn(hub);
    return { ...(await this.headWith(await this.auth(installationId), hub)), installationId };
  }

  /** The App's installation on the hub, found through the App itself: a schedule has no webhook to say it. */
  private async installationOn(hub: { owner: string; repo: string }): Promise<number> {
    const app = await this.auth();
    const { data: installation } = await app.rest.apps.getRepoInstallation(hub);
    return installation.id;
  }

  private async headWith(
    octokit: Octokit,
    hub: { owner: string; repo: string },
  ): Promise<{ commit: string }> {
    const { data: repository } = await octokit.rest.repos.get(hub);
    const { data: branch } = await octokit.rest.repos.getBranch({
      ...hub,
      branch: repository.default_branch,
    });
    return { commit: branch.commit.sha };
  }
}

/** The App acts on a repository as its installation there; a request without one cannot be served. */
function installationOf(request: { owner: string; repo: string; installationId?: number }): number {
  if (request.installationId === undefined)
    throw new MshubError(
      'PLATFORM_NOT_CONFIGURED',
      `no GitHub App installation is known for ${request.owner}/${request.repo}`,
    );
  return request.installationId;
}
