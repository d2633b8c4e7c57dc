import type { IssueTracker } from '../../review/audit-issue.js';
import type { Octokit } from './github-auth.js';

/**
 * A hub repository's issues on GitHub, as the App's installation: its own open issue is found among
 * the most recently updated (the audit updates it at every run), by the marker and the App's own
 * login (`<slug>[bot]`): another app's or a person's issue that copies the marker is never edited.
 */
export class GitHubIssueTracker implements IssueTracker {
  constructor(
    private readonly octokit: Octokit,
    private readonly hub: { owner: string; repo: string },
    private readonly botLogin: string,
  ) {}

  async findOwn(marker: string): Promise<{ id: string; body: string; url?: string } | undefined> {
    for (let page = 1; page <= 3; page++) {
      const { data } = await this.octokit.rest.issues.listForRepo({
        ...this.hub,
        state: 'open',
        sort: 'updated',
        direction: 'desc',
        per_page: 100,
        page,
      });
      const own = data.find(
        (issue) =>
          !issue.pull_request && issue.user?.login === this.botLogin && (issue.body ?? '').startsWith(marker),
      );
      if (own) return { id: String(own.number), body: own.body ?? '', url: own.html_url };
      if (data.length < 100) return undefined;
    }
    return undefined;
  }

  async create(title: string, body: string): Promise<{ id: string; url?: string }> {
    const { data } = await this.octokit.rest.issues.create({ ...this.hub, title, body });
    return { id: String(data.number), url: data.html_url };
  }

  async update(id: string, body: string): Promise<void> {
    await this.octokit.rest.issues.update({ ...this.hub, issue_number: Number(id), body });
  }
}
